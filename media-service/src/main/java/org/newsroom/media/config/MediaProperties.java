package org.newsroom.media.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The photo desk's limits. Defaults and env names live in {@code application.yml}, one place.
 *
 * @param maxUpload largest photo file accepted (env {@code NEWSROOM_MEDIA_MAX_UPLOAD}, e.g.
 *     {@code 25MB}); a larger upload is a 413
 * @param maxPixels most pixels (width × height, from the header) a photo may have (env
 *     {@code NEWSROOM_MEDIA_MAX_PIXELS}); more is a 422 before any pixel is decoded. Rendition
 *     memory is bounded by this: a decoded photo needs about 3 bytes a pixel.
 * @param renditionWorkers how many renditions are made at once per replica (env
 *     {@code NEWSROOM_MEDIA_RENDITION_WORKERS}); each holds one decoded original in memory
 */
@Validated
@ConfigurationProperties("newsroom.media")
public record MediaProperties(
		@NotNull DataSize maxUpload,
		@Min(1) long maxPixels,
		@Min(1) @Max(64) int renditionWorkers) {

	/** Room in a request for the metadata part and the multipart framing, beyond the file itself. */
	public static final DataSize FORM_ALLOWANCE = DataSize.ofKilobytes(256);

	public long maxRequestBytes() {
		return maxUpload.toBytes() + FORM_ALLOWANCE.toBytes();
	}
}
