package org.abilitymap.support.http;

import jakarta.servlet.MultipartConfigElement;
import org.abilitymap.documents.DocumentLimits;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Multipart uploads take one document of {@code abilitymap.documents.max-bytes} plus its framing, counted by the
 * servlet container as the parts arrive; this replaces Spring Boot's {@code spring.servlet.multipart} sizes, so that
 * one setting governs every way a document comes in.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimits.class)
class HttpLimits {

	@Bean
	MultipartConfigElement multipartConfigElement(DocumentLimits documents) {
		// file size threshold 0: parts go to temporary files, not to memory
		return new MultipartConfigElement("", documents.maxBytes(), documents.maxBytes() + RequestSizeLimit.ENVELOPE, 0);
	}
}
