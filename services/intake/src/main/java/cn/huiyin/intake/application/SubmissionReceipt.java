package cn.huiyin.intake.application;

import java.time.Instant;

/**
 * What the filer gets back, once.
 *
 * @param queryCode the worker's self-service query code; null when answering a repeated request after the window in
 *                  which it is kept for that (the code is then only on the first receipt)
 */
public record SubmissionReceipt(String trackingNumber, Instant submittedAt, String queryCode) {

    /** One SMS (at most 70 Chinese characters), as the worker receives it and the clerk prints it. */
    public String text() {
        return queryCode == null
            ? "【回音】您的诉求已受理，编号" + trackingNumber + "。凭编号和首次回执上的查询码可查询进度。"
            : "【回音】您的诉求已受理，编号" + trackingNumber + "，查询码" + queryCode + "。凭编号和查询码可查询进度，请勿告知他人。";
    }
}
