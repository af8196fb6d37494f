package cn.huiyin.platform.service;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring Boot application as one of Huiyin's services. The name becomes {@code spring.application.name}, the
 * name of its MongoDB database and its consumer group, and the name of its own configuration file
 * ({@code <name>.yml} instead of {@code application.yml}, so several services can share one classpath in system
 * tests). The platform's defaults ({@code huiyin-defaults.yml}) sit below that file.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface HuiyinService {

    /** e.g. {@code intake}. */
    String value();
}
