package org.newsroom.media.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import com.adobe.internal.xmp.XMPConst;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.properties.XMPProperty;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a photo's own metadata with metadata-extractor, per the IPTC mapping of the contract
 * (docs/architecture.md, "media-service"). Where a field can come from several places, the first that has a value
 * wins, in the order the contract lists them: IPTC IIM, then XMP, then EXIF.
 *
 * <table>
 * <tr><th>field</th><th>IIM</th><th>XMP</th><th>EXIF</th></tr>
 * <tr><td>credit</td><td>2:110 Credit</td><td>photoshop:Credit</td><td></td></tr>
 * <tr><td>creator</td><td>2:80 By-line</td><td>dc:creator</td><td>Artist</td></tr>
 * <tr><td>caption</td><td>2:120 Caption/Abstract</td><td>dc:description</td><td>ImageDescription</td></tr>
 * <tr><td>copyrightNotice</td><td>2:116 Copyright Notice</td><td>dc:rights</td><td>Copyright</td></tr>
 * <tr><td>source</td><td>2:115 Source</td><td>photoshop:Source</td><td></td></tr>
 * <tr><td>usageTerms</td><td></td><td>xmpRights:UsageTerms</td><td></td></tr>
 * <tr><td>altText</td><td></td><td>Iptc4xmpCore:AltTextAccessibility</td><td></td></tr>
 * </table>
 *
 * Several creators (repeated By-line, a dc:creator list) are joined with ", ". A file whose
 * metadata cannot be parsed is still a photo: it simply contributes nothing.
 */
public final class EmbeddedMetadataReader {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMetadataReader.class);

	private static final String NS_XMP_RIGHTS = "http://ns.adobe.com/xap/1.0/rights/";

	/** IPTC Core's namespace: its Alt Text (Accessibility) field (IPTC Photo Metadata 2021.1). */
	private static final String NS_IPTC_CORE = "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/";

	private EmbeddedMetadataReader() {
	}

	public static EmbeddedMetadata read(Path file) {
		Metadata metadata;
		try (InputStream in = Files.newInputStream(file)) {
			metadata = ImageMetadataReader.readMetadata(in, Files.size(file));
		}
		catch (ImageProcessingException | IOException | RuntimeException e) {
			log.info("Photo metadata could not be read, using none: {}", e.toString());
			return EmbeddedMetadata.NONE;
		}
		List<IptcDirectory> iim = new ArrayList<>(metadata.getDirectoriesOfType(IptcDirectory.class));
		List<XMPMeta> xmp = new ArrayList<>();
		for (XmpDirectory directory : metadata.getDirectoriesOfType(XmpDirectory.class)) {
			if (directory.getXMPMeta() != null) {
				xmp.add(directory.getXMPMeta());
			}
		}
		List<ExifIFD0Directory> exif = new ArrayList<>(metadata.getDirectoriesOfType(ExifIFD0Directory.class));

		String credit = first(MetadataText::line, iimValue(iim, IptcDirectory.TAG_CREDIT),
				xmpSimple(xmp, XMPConst.NS_PHOTOSHOP, "Credit"));
		String creator = first(MetadataText::line, iimList(iim, IptcDirectory.TAG_BY_LINE),
				xmpList(xmp, XMPConst.NS_DC, "creator"), exifValue(exif, ExifIFD0Directory.TAG_ARTIST));
		String caption = first(MetadataText::paragraph, iimValue(iim, IptcDirectory.TAG_CAPTION),
				xmpLangAlt(xmp, XMPConst.NS_DC, "description"),
				exifValue(exif, ExifIFD0Directory.TAG_IMAGE_DESCRIPTION));
		String copyright = first(MetadataText::line, iimValue(iim, IptcDirectory.TAG_COPYRIGHT_NOTICE),
				xmpLangAlt(xmp, XMPConst.NS_DC, "rights"), exifValue(exif, ExifIFD0Directory.TAG_COPYRIGHT));
		String source = first(MetadataText::line, iimValue(iim, IptcDirectory.TAG_SOURCE),
				xmpSimple(xmp, XMPConst.NS_PHOTOSHOP, "Source"));
		String usageTerms = first(MetadataText::paragraph, xmpLangAlt(xmp, NS_XMP_RIGHTS, "UsageTerms"));
		String altText = first(MetadataText::paragraph, xmpLangAlt(xmp, NS_IPTC_CORE, "AltTextAccessibility"));
		return new EmbeddedMetadata(caption, altText, creator, credit, copyright, source, usageTerms, orientation(exif));
	}

	@SafeVarargs
	private static String first(Function<String, String> clean, Supplier<String>... candidates) {
		for (var candidate : candidates) {
			String value = clean.apply(candidate.get());
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	private static Supplier<String> iimValue(List<IptcDirectory> directories, int tag) {
		return () -> {
			for (IptcDirectory directory : directories) {
				String value = directory.getString(tag);
				if (value != null) {
					return value;
				}
			}
			return null;
		};
	}

	/** A repeatable dataset (By-line): every value, in order. */
	private static Supplier<String> iimList(List<IptcDirectory> directories, int tag) {
		return () -> {
			for (IptcDirectory directory : directories) {
				String[] values = directory.getStringArray(tag);
				if (values != null && values.length > 0) {
					return join(List.of(values));
				}
			}
			return null;
		};
	}

	private static Supplier<String> exifValue(List<ExifIFD0Directory> directories, int tag) {
		return () -> {
			for (ExifIFD0Directory directory : directories) {
				String value = directory.getString(tag);
				if (value != null) {
					return value;
				}
			}
			return null;
		};
	}

	private static Supplier<String> xmpSimple(List<XMPMeta> packets, String namespace,
			String name) {
		return () -> {
			for (XMPMeta meta : packets) {
				try {
					String value = meta.getPropertyString(namespace, name);
					if (value != null) {
						return value;
					}
				}
				catch (XMPException notSimple) {
					// a malformed packet (an array where a text belongs): no value from it
				}
			}
			return null;
		};
	}

	private static Supplier<String> xmpLangAlt(List<XMPMeta> packets, String namespace,
			String name) {
		return () -> {
			for (XMPMeta meta : packets) {
				try {
					var text = meta.getLocalizedText(namespace, name, null, XMPConst.X_DEFAULT);
					if (text != null && text.getValue() != null) {
						return text.getValue();
					}
					String plain = meta.getPropertyString(namespace, name);
					if (plain != null) {
						return plain;
					}
				}
				catch (XMPException malformed) {
					// fall through to the next packet
				}
			}
			return null;
		};
	}

	private static Supplier<String> xmpList(List<XMPMeta> packets, String namespace,
			String name) {
		return () -> {
			for (XMPMeta meta : packets) {
				try {
					int count = meta.countArrayItems(namespace, name);
					List<String> items = new ArrayList<>();
					for (int i = 1; i <= count; i++) {
						XMPProperty item = meta.getArrayItem(namespace, name, i);
						if (item != null && item.getValue() != null) {
							items.add(item.getValue());
						}
					}
					if (!items.isEmpty()) {
						return join(items);
					}
				}
				catch (XMPException notAnArray) {
					// fall through
				}
			}
			return null;
		};
	}

	private static String join(List<String> values) {
		Set<String> distinct = new LinkedHashSet<>();
		for (String value : values) {
			String line = MetadataText.line(value);
			if (line != null) {
				distinct.add(line);
			}
		}
		return distinct.isEmpty() ? null : String.join(", ", distinct);
	}

	private static int orientation(List<ExifIFD0Directory> exif) {
		for (ExifIFD0Directory directory : exif) {
			Integer value = directory.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
			if (value != null) {
				return value >= 1 && value <= 8 ? value : 1;
			}
		}
		return 1;
	}
}
