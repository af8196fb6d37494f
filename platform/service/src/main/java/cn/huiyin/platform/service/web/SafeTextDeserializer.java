package cn.huiyin.platform.service.web;

import cn.huiyin.platform.kernel.SafeText;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Reads text from API input and refuses what cannot be stored or shown faithfully ({@link SafeText}): control
 * characters other than tab and line breaks, broken UTF-16 (a lone surrogate, e.g. from {@code "\ud800"}).
 */
class SafeTextDeserializer extends StringDeserializer {

    /** Text that was refused for its characters, not for its type. */
    static final class UnsafeTextException extends InvalidFormatException {
        UnsafeTextException(JsonParser parser, String value) {
            super(parser, "Text contains control characters or broken Unicode", value, String.class);
        }
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
        String value = super.deserialize(parser, context);
        if (value != null && !isSafe(value)) {
            throw new UnsafeTextException(parser, value);
        }
        return value;
    }

    static boolean isSafe(String value) {
        return SafeText.isSafe(value, true);
    }
}
