package cn.huiyin.platform.service.web;

import cn.huiyin.platform.kernel.SafeText;
import jakarta.validation.constraints.Size;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Reads text from API input as {@link SafeText} says: normalised to NFC, and refused when it cannot be stored or
 * shown faithfully (control characters, broken UTF-16), shows nothing (only invisible characters), or — in a
 * single-line field — contains line breaks or bidirectional controls.
 *
 * <p>A field is single-line when it declares {@code @Size(max = …)} of at most {@value #SINGLE_LINE_MAX} characters:
 * names, stations, addresses, references, reasons. Longer or unbounded text (descriptions, supplements) may span
 * lines.
 */
class SafeTextDeserializer extends StringDeserializer {

    /** Longest {@code @Size(max)} of a field that is read as a single line. */
    static final int SINGLE_LINE_MAX = 200;

    private final boolean multiline;

    SafeTextDeserializer() {
        this(true);
    }

    private SafeTextDeserializer(boolean multiline) {
        this.multiline = multiline;
    }

    /** Text that was refused for its characters, not for its type. */
    static final class UnsafeTextException extends InvalidFormatException {
        private final SafeText.Problem problem;

        UnsafeTextException(JsonParser parser, String value, SafeText.Problem problem) {
            super(parser, "Text refused: " + problem.code(), value, String.class);
            this.problem = problem;
        }

        SafeText.Problem problem() {
            return problem;
        }
    }

    @Override
    public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
        Size size = property == null ? null : property.getAnnotation(Size.class);
        boolean lines = size == null || size.max() > SINGLE_LINE_MAX;
        return lines == multiline ? this : new SafeTextDeserializer(lines);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
        String value = SafeText.normalise(super.deserialize(parser, context));
        if (value != null) {
            SafeText.check(value, multiline).ifPresent(problem -> {
                throw new UnsafeTextException(parser, value, problem);
            });
        }
        return value;
    }
}
