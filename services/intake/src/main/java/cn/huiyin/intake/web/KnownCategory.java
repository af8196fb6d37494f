package cn.huiyin.intake.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import cn.huiyin.contracts.reference.ReferenceData;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A code from the category taxonomy (contracts/reference-data/categories.json). Null or blank is valid. */
@Documented
@Constraint(validatedBy = KnownCategory.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface KnownCategory {

    String message() default "{huiyin.intake.KnownCategory.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownCategory, String> {
        private final ReferenceData referenceData;

        Validator(ReferenceData referenceData) {
            this.referenceData = referenceData;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || referenceData.category(value.strip()).isPresent();
        }
    }
}
