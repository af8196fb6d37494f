package cn.huiyin.followup.domain.events;

import java.time.Instant;

import cn.huiyin.followup.domain.casefile.CallbackChannel;
import cn.huiyin.followup.domain.casefile.CallbackOutcome;
import cn.huiyin.followup.domain.casefile.Satisfaction;
import cn.huiyin.followup.domain.casefile.Solved;

/**
 * 回访: one attempt of the callback centre to reach the worker, or the worker's own rating through the self-service,
 * with the two answers when reached. Published as {@code cn.huiyin.followup.CallbackRecorded.v1}.
 *
 * @param unitResponsible whether dissatisfaction lies with the handling organisation (归责于承办单位)
 * @param attemptsLeft    attempts left before the case closes as unreachable
 */
public record CallbackRecorded(String grievanceId, int round, int attempt, CallbackChannel channel,
                               CallbackOutcome outcome, Solved solved, Satisfaction satisfaction,
                               Boolean unitResponsible, String comment, Instant recordedAt, int attemptsLeft,
                               String stage) {
}
