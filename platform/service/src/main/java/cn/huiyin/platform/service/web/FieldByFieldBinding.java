package cn.huiyin.platform.service.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;
import jakarta.validation.Valid;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Names every bad field of a JSON body in one answer. Jackson stops at the first field it cannot bind (a number
 * where text belongs, a garbage date, a misspelt name), so the client would fix one field per round trip and never
 * hear about the others. Here the body is bound field by field: each field Jackson refuses is noted and taken out,
 * and binding goes on with the rest; what remains is bound and then checked by bean validation as usual, and the
 * answer names the refused fields and the invalid ones together ({@link ProblemDetailsAdvice}).
 *
 * <p>Only request bodies of Huiyin's own types ({@code cn.huiyin.*}) are read this way. A body that is not JSON at all,
 * or not an object, is left to the converter, which answers as before.
 */
@ControllerAdvice
public class FieldByFieldBinding extends RequestBodyAdviceAdapter {

    /** More refused fields than this in one body is not a client to help field by field. */
    static final int MAX_PROBLEMS = 50;
    private static final String PROBLEMS = FieldByFieldBinding.class.getName() + ".problems";

    private final JsonMapper json;

    public FieldByFieldBinding(JsonMapper json) {
        this.json = json;
    }

    /** A body with fields Jackson refused: the refused fields, and the rest as bound. */
    public static final class RefusedFieldsException extends RuntimeException {
        private final transient List<FieldProblem> problems;
        private final transient Object partial;
        private final boolean validate;

        RefusedFieldsException(List<FieldProblem> problems, Object partial, boolean validate) {
            super("Fields refused: " + problems.stream().map(FieldProblem::field).toList());
            this.problems = List.copyOf(problems);
            this.partial = partial;
            this.validate = validate;
        }

        public List<FieldProblem> problems() {
            return problems;
        }

        /** The body without the refused fields; null if it could not be bound even so. */
        public Object partial() {
            return partial;
        }

        /** Whether the endpoint validates its body (so the rest must be checked too). */
        public boolean validate() {
            return validate;
        }
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return AbstractJacksonHttpMessageConverter.class.isAssignableFrom(converterType)
            && parameter.getParameterType().getName().startsWith("cn.huiyin.");
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] body = input.getBody().readAllBytes();
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JacksonException notJson) {
            return replay(input.getHeaders(), body);
        }
        if (!(tree instanceof ObjectNode)) {
            return replay(input.getHeaders(), body);
        }
        List<FieldProblem> problems = new ArrayList<>();
        JavaType type = json.constructType(targetType);
        while (true) {
            try {
                json.readerFor(type).readValue(tree);
                break;
            } catch (DatabindException refused) {
                String path = JsonProblemPaths.path(refused.getPath());
                if (path.isEmpty() || problems.size() >= MAX_PROBLEMS || !remove(tree, refused.getPath())) {
                    if (problems.isEmpty()) {
                        return replay(input.getHeaders(), body);
                    }
                    throw new InvalidFieldsException(problems);
                }
                problems.add(ProblemDetailsAdvice.bindingProblem(path, refused));
            }
        }
        if (problems.isEmpty()) {
            return replay(input.getHeaders(), body);
        }
        RequestContextHolder.currentRequestAttributes().setAttribute(PROBLEMS, problems,
            RequestAttributes.SCOPE_REQUEST);
        return replay(input.getHeaders(), json.writeValueAsBytes(tree));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        RequestAttributes request = RequestContextHolder.currentRequestAttributes();
        List<FieldProblem> problems = (List<FieldProblem>) request.getAttribute(PROBLEMS, RequestAttributes.SCOPE_REQUEST);
        if (problems != null) {
            request.removeAttribute(PROBLEMS, RequestAttributes.SCOPE_REQUEST);
            throw new RefusedFieldsException(problems, body, parameter.hasParameterAnnotation(Valid.class)
                || parameter.hasParameterAnnotation(Validated.class));
        }
        return body;
    }

    /** Takes the refused value out of the tree: a property is removed, an array element becomes null. */
    private static boolean remove(JsonNode tree, List<JacksonException.Reference> path) {
        JsonNode parent = tree;
        for (int i = 0; i < path.size() - 1; i++) {
            JsonNode next = step(parent, path.get(i));
            if (next == null) {
                return false;
            }
            parent = next;
        }
        JacksonException.Reference last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object && last.getPropertyName() != null
            && object.has(last.getPropertyName())) {
            object.remove(last.getPropertyName());
            return true;
        }
        if (parent instanceof ArrayNode array && last.getIndex() >= 0 && last.getIndex() < array.size()
            && !array.get(last.getIndex()).isNull()) {
            array.setNull(last.getIndex());
            return true;
        }
        return false;
    }

    private static JsonNode step(JsonNode node, JacksonException.Reference reference) {
        if (reference.getPropertyName() != null) {
            return node instanceof ObjectNode ? node.get(reference.getPropertyName()) : null;
        }
        return node instanceof ArrayNode && reference.getIndex() >= 0 ? node.get(reference.getIndex()) : null;
    }

    private static HttpInputMessage replay(HttpHeaders headers, byte[] body) {
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }
}
