package cn.huiyin.platform.service.validation;

import java.util.List;
import java.util.Locale;

import cn.huiyin.platform.kernel.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.metadata.ConstraintDescriptor;
import org.hibernate.validator.messageinterpolation.ResourceBundleMessageInterpolator;
import org.hibernate.validator.resourceloading.AggregateResourceBundleLocator;

/**
 * Turns a constraint violation into a message in Chinese and one in English. Messages come from the service's own
 * {@code ValidationMessages_zh/_en.properties} first, then the platform's {@code HuiyinValidationMessages_zh/_en}.
 */
public class BilingualMessages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final MessageInterpolator interpolator = new ResourceBundleMessageInterpolator(
        new AggregateResourceBundleLocator(List.of("ValidationMessages", "HuiyinValidationMessages")));

    public MessageInterpolator interpolator() {
        return interpolator;
    }

    public FieldProblem toProblem(String field, ConstraintViolation<?> violation) {
        MessageInterpolator.Context context = new Context(violation);
        String template = violation.getMessageTemplate();
        String code = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return new FieldProblem(field, code, interpolator.interpolate(template, context, CHINESE),
            interpolator.interpolate(template, context, ENGLISH));
    }

    private record Context(ConstraintViolation<?> violation) implements MessageInterpolator.Context {
        @Override
        public ConstraintDescriptor<?> getConstraintDescriptor() {
            return violation.getConstraintDescriptor();
        }

        @Override
        public Object getValidatedValue() {
            return violation.getInvalidValue();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException("No provider-specific context");
        }
    }
}
