package cn.huiyin.intake.domain;

import java.time.Instant;

/**
 * A file that backs the grievance (证据材料): a photo, a screenshot, a PDF.
 *
 * @param fileId      where the content is stored
 * @param contentType as recognised from the content itself, not as the uploader claimed
 * @param by          WORKER (self-service) or STAFF
 */
public record Evidence(String fileId, String filename, String contentType, long size, Instant addedAt, String by) {
}
