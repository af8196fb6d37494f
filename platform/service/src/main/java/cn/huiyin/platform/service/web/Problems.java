package cn.huiyin.platform.service.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import cn.huiyin.platform.kernel.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details as every Huiyin service writes them: the standard members in Chinese, English beside them
 * in {@code titleEn} and {@code detailEn}, and, for bad input, one entry per field in {@code errors}. Never a stack
 * trace.
 */
public final class Problems {

    public static final URI VALIDATION = URI.create("urn:huiyin:problem:validation");
    public static final URI MALFORMED = URI.create("urn:huiyin:problem:malformed-request");
    public static final URI CONFLICT = URI.create("urn:huiyin:problem:conflict");
    public static final URI NOT_FOUND = URI.create("urn:huiyin:problem:not-found");
    public static final URI FORBIDDEN = URI.create("urn:huiyin:problem:out-of-scope");
    public static final URI TOO_LARGE = URI.create("urn:huiyin:problem:request-too-large");
    public static final URI RATE_LIMITED = URI.create("urn:huiyin:problem:rate-limited");
    public static final URI INTERNAL = URI.create("urn:huiyin:problem:internal-error");
    public static final URI UNAVAILABLE = URI.create("urn:huiyin:problem:store-unavailable");

    private record Title(String zh, String en) {
    }

    private static final Map<Integer, Title> TITLES = Map.ofEntries(
        Map.entry(400, new Title("请求有误", "Bad request")),
        Map.entry(401, new Title("需要登录或登录已失效", "Authentication required")),
        Map.entry(403, new Title("无权执行此操作", "Forbidden")),
        Map.entry(404, new Title("未找到", "Not found")),
        Map.entry(405, new Title("不支持该请求方法", "Method not allowed")),
        Map.entry(406, new Title("无法提供所请求的格式", "Not acceptable")),
        Map.entry(409, new Title("与当前状态冲突", "Conflict with the current state")),
        Map.entry(413, new Title("请求内容过大", "Request too large")),
        Map.entry(415, new Title("不支持的内容类型", "Unsupported media type")),
        Map.entry(428, new Title("缺少前提条件", "Precondition required")),
        Map.entry(429, new Title("请求过于频繁", "Too many requests")),
        Map.entry(500, new Title("服务器内部错误", "Internal server error")),
        Map.entry(503, new Title("服务暂不可用", "Service unavailable")));

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, URI type, String detailZh, String detailEn) {
        Title title = TITLES.getOrDefault(status.value(), new Title("请求未能完成", "Request failed"));
        return of(status, type, title.zh(), title.en(), detailZh, detailEn);
    }

    public static ProblemDetail of(HttpStatusCode status, URI type, String titleZh, String titleEn, String detailZh,
                                   String detailEn) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        if (type != null) {
            problem.setType(type);
        }
        problem.setTitle(titleZh);
        problem.setProperty("titleEn", titleEn);
        if (detailZh != null) {
            problem.setDetail(detailZh);
            problem.setProperty("detailEn", detailEn);
        }
        return problem;
    }

    /** 400 with one entry per bad field. */
    public static ProblemDetail invalidFields(List<FieldProblem> problems) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, VALIDATION, "请求数据有误", "Invalid request data",
            "共 " + problems.size() + " 处错误，请逐项修改后重试", problems.size() + " problem(s); correct each and retry");
        problem.setProperty("errors", problems);
        return problem;
    }

    /** For code outside Spring MVC's exception handling (filters, security entry points). */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
                             JsonMapper json) throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
