package cn.huiyin.jointmeeting.web;

import cn.huiyin.jointmeeting.application.meeting.MeetingAccess;
import cn.huiyin.jointmeeting.domain.meeting.ConclusionRefused;
import cn.huiyin.platform.service.web.ProblemDetailsAdvice;
import cn.huiyin.platform.service.web.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problems only joint-meeting raises: a change without If-Match where one is required (428), a change based on an
 * outdated version (412, with the current ETag), a meeting that cannot conclude yet (409, naming each missing part).
 */
@RestControllerAdvice(basePackages = "cn.huiyin.jointmeeting")
@Order(ProblemDetailsAdvice.ORDER - 1)
class JointMeetingProblems {

    @ExceptionHandler(MeetingAccess.PreconditionRequired.class)
    ProblemDetail preconditionRequired(MeetingAccess.PreconditionRequired e) {
        ProblemDetail problem = Problems.of(HttpStatus.PRECONDITION_REQUIRED, Problems.CONFLICT,
            "请在 If-Match 请求头中附上读取会议时得到的 ETag，以免覆盖他人的修改",
            "Send the ETag you read the meeting with in If-Match, so that you do not overwrite someone else's change");
        problem.setProperty("code", "meeting.if-match-required");
        return problem;
    }

    @ExceptionHandler(MeetingAccess.StaleVersion.class)
    ResponseEntity<ProblemDetail> staleVersion(MeetingAccess.StaleVersion e) {
        ProblemDetail problem = Problems.of(HttpStatus.PRECONDITION_FAILED, Problems.CONFLICT, "会议已被他人修改",
            "The meeting was changed by someone else", "您读取后会议已被他人修改（当前版本 " + e.current() + "），请刷新后重新编辑",
            "Someone changed the meeting after you read it (now version " + e.current() + "); reload and edit again");
        problem.setProperty("code", "meeting.version-mismatch");
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).eTag("\"" + e.current() + "\"").body(problem);
    }

    @ExceptionHandler(ConclusionRefused.class)
    ProblemDetail notReady(ConclusionRefused e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, Problems.CONFLICT, e.messageZh(), e.messageEn());
        problem.setProperty("code", e.code());
        problem.setProperty("errors", e.problems());
        return problem;
    }
}
