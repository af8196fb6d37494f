package cn.huiyin.platform.service.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Reads text from API input and refuses what cannot be stored or shown faithfully: control characters (other than
 * tab and line breaks) and broken UTF-16 (a lone surrogate, e.g. from {@code "\ud800"}). Emoji and rare characters
 * such as 𠮷 are fine.
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
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
