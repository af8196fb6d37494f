package cn.huiyin.platform.service.web;

import java.io.IOException;

/** The request body is longer than this service accepts. An IOException, so a reading stream can throw it. */
public class PayloadTooLargeException extends IOException {

    private final long limit;

    public PayloadTooLargeException(long limit) {
        super("Request body exceeds " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
