package cn.huiyin.platform.service.web;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error report, for what Tomcat answers by itself before a request reaches Spring (a malformed URI such as
 * {@code %00}, an encoded slash or an invalid header) or when nothing else wrote a body: problem details in Chinese
 * and English like every other error of the service, never Tomcat's HTML page or a stack trace.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private final JsonMapper json;

    /** For Tomcat, which may create the host's error report valve by its class name. */
    public ProblemErrorReportValve() {
        this(JsonMapper.builder().build());
    }

    public ProblemErrorReportValve(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ProblemDetail problem = status >= 500
            ? Problems.of(HttpStatusCode.valueOf(status), Problems.INTERNAL, "服务器未能处理该请求，请稍后重试",
                "The server could not process the request; please try again later")
            : status == 400
                ? Problems.of(HttpStatusCode.valueOf(status), Problems.MALFORMED, "请求格式有误：地址或请求头无效",
                    "Malformed request: invalid address or header")
                : Problems.of(HttpStatusCode.valueOf(status), null, null, null);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(json.writeValueAsBytes(problem));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response already committed: nothing more can be said to this client.
            getContainer().getLogger().debug("Could not write the problem details of a " + status + " response", e);
        }
    }
}
