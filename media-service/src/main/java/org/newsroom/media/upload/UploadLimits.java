package org.newsroom.media.upload;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.newsroom.media.config.MediaProperties;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Keeps oversized uploads from costing memory, in three layers:
 * <ol>
 * <li>a request whose {@code Content-Length} is over the limit is refused (413) before a byte of
 * its body is read; Tomcat sends {@code 100 Continue} only when the body is actually read, so a
 * client that asked first ({@code Expect: 100-continue}, as curl does) never sends it;</li>
 * <li>multipart parsing streams parts to temporary files above a small threshold, so a large
 * photo is never held in memory whole;</li>
 * <li>the parser stops with 413 as soon as a part or the request passes its limit, which also
 * covers chunked requests that announce no length.</li>
 * </ol>
 * The multipart parser runs lazily (when the controller asks for the parts), so the first check
 * happens before it.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits implements WebMvcConfigurer {

	/** Parts up to this size stay in memory; larger ones go to a temporary file. */
	static final DataSize IN_MEMORY_THRESHOLD = DataSize.ofKilobytes(256);

	private final MediaProperties properties;

	UploadLimits(MediaProperties properties) {
		this.properties = properties;
	}

	@Bean
	MultipartConfigElement multipartConfigElement() {
		return new MultipartConfigElement("", properties.maxUpload().toBytes(), properties.maxRequestBytes(),
				(int) IN_MEMORY_THRESHOLD.toBytes());
	}

	@Bean
	TomcatConnectorCustomizer continueOnlyWhenBodyIsRead() {
		return connector -> connector.setProperty("continueResponseTiming", "onRead");
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				if (HttpMethod.POST.matches(request.getMethod())
						&& request.getContentLengthLong() > properties.maxRequestBytes()) {
					throw new UploadTooLarge("file", properties.maxUpload());
				}
				return true;
			}
		}).addPathPatterns("/api/media", "/api/media/metadata");
	}
}
