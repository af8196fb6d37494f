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

/** An administrative division of the city (contracts/reference-data/divisions.json). Null is valid. */
@Documented
@Constraint(validatedBy = KnownDivision.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface KnownDivision {

    String message() default "{huiyin.intake.KnownDivision.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownDivision, String> {
        private final ReferenceData referenceData;

        Validator(ReferenceData referenceData) {
            this.referenceData = referenceData;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || referenceData.division(value).isPresent();
        }
    }
}
