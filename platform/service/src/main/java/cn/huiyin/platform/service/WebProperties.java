package cn.huiyin.platform.service;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Web settings shared by every service ({@code huiyin.web.*}).
 *
 * @param maxRequestSize largest request body accepted, uploads aside
 */
@ConfigurationProperties("huiyin.web")
public record WebProperties(@DefaultValue("1MB") DataSize maxRequestSize) {
}
