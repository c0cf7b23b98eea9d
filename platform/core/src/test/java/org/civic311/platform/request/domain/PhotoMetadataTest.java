package org.civic311.platform.request.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Real images written by ImageIO, with metadata spliced in as phones and editors write it. */
class PhotoMetadataTest {
  private static final String SECRET = "GPS 49.6935N 112.8418W taken by Jane's phone";

  @Test
  void aJpegLosesItsExifCommentsAndTrailerButKeepsItsPixelsAndOrientation() throws Exception {
    byte[] plain = image("jpeg");
    byte[] withMetadata =
        concat(
            Arrays.copyOf(plain, 2), // SOI
            segment(0xE1, concat(ascii("Exif\0\0"), exifTiff(6))),
            segment(0xE1, ascii("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>" + SECRET)),
            segment(0xED, ascii("Photoshop 3.0\0" + SECRET)),
            segment(0xFE, ascii(SECRET)),
            segment(0xE2, ascii("ICC_PROFILE\0\1\1fake-profile")),
            Arrays.copyOfRange(plain, 2, plain.length),
            // a second image after the end, as phones append (with EXIF of its own)
            new byte[] {(byte) 0xFF, (byte) 0xD8},
            segment(0xE1, concat(ascii("Exif\0\0"), ascii(SECRET))));

    byte[] stripped = PhotoMetadata.strip("image/jpeg", withMetadata);

    assertThat(text(stripped)).doesNotContain("GPS").doesNotContain("Jane").doesNotContain("xmp");
    assertThat(text(stripped)).contains("ICC_PROFILE");
    assertThat(Arrays.copyOfRange(stripped, stripped.length - 2, stripped.length))
        .containsExactly(0xFF, 0xD9);
    assertThat(decoded(stripped).getWidth()).isEqualTo(decoded(plain).getWidth());
    assertThat(decoded(stripped).getRGB(2, 1)).isEqualTo(decoded(plain).getRGB(2, 1));
    int exif = indexOf(stripped, ascii("Exif\0\0"));
    assertThat(exif).isPositive();
    assertThat(PhotoMetadata.orientation(Arrays.copyOfRange(stripped, exif + 6, stripped.length)))
        .isEqualTo(6);
  }

  @Test
  void anUprightJpegKeepsNoExifAtAll() throws Exception {
    byte[] plain = image("jpeg");
    byte[] withExif =
        concat(
            Arrays.copyOf(plain, 2),
            segment(0xE1, concat(ascii("Exif\0\0"), exifTiff(1))),
            Arrays.copyOfRange(plain, 2, plain.length));
    byte[] stripped = PhotoMetadata.strip("image/jpeg", withExif);
    assertThat(indexOf(stripped, ascii("Exif"))).isNegative();
    assertThat(stripped).isEqualTo(plain);
  }

  @Test
  void aPngLosesItsTextAndExifChunks() throws Exception {
    byte[] plain = image("png");
    int afterHeader = 8 + 25; // signature, then IHDR (length, type, 13 bytes, CRC)
    byte[] withMetadata =
        concat(
            Arrays.copyOf(plain, afterHeader),
            pngChunk("tEXt", ascii("Comment\0" + SECRET)),
            pngChunk("iTXt", ascii("XML:com.adobe.xmp\0\0\0\0\0" + SECRET)),
            pngChunk("eXIf", exifTiff(1)),
            Arrays.copyOfRange(plain, afterHeader, plain.length));
    byte[] stripped = PhotoMetadata.strip("image/png", withMetadata);
    assertThat(text(stripped)).doesNotContain("GPS").doesNotContain("eXIf");
    assertThat(stripped).isEqualTo(plain);
    assertThat(decoded(stripped).getRGB(2, 1)).isEqualTo(decoded(plain).getRGB(2, 1));
  }

  @Test
  void aGifLosesItsCommentsAndXmp() throws Exception {
    byte[] plain = image("gif");
    int trailer = plain.length - 1;
    byte[] withMetadata =
        concat(
            Arrays.copyOf(plain, trailer),
            gifExtension(0xFE, ascii(SECRET)),
            gifExtension(0xFF, ascii("XMP DataXMP" + SECRET)),
            new byte[] {0x3B});
    byte[] stripped = PhotoMetadata.strip("image/gif", withMetadata);
    assertThat(text(stripped)).doesNotContain("GPS").doesNotContain("XMP");
    assertThat(decoded(stripped).getRGB(2, 1)).isEqualTo(decoded(plain).getRGB(2, 1));
  }

  @Test
  void aWebpLosesItsExifAndXmpChunksAndTheirFlags() {
    byte[] vp8x = new byte[10];
    vp8x[0] = 0x08 | 0x04; // EXIF and XMP present
    byte[] image = new byte[] {0x2F, 1, 2, 3, 4}; // odd length: padded
    byte[] webp =
        riff(
            riffChunk("VP8X", vp8x),
            riffChunk("VP8L", image),
            riffChunk("EXIF", concat(ascii("Exif\0\0"), exifTiff(1))),
            riffChunk("XMP ", ascii(SECRET)));

    byte[] stripped = PhotoMetadata.strip("image/webp", webp);

    assertThat(text(stripped)).doesNotContain("GPS").doesNotContain("EXIF").doesNotContain("XMP");
    assertThat(stripped).isEqualTo(riff(riffChunk("VP8X", new byte[10]), riffChunk("VP8L", image)));
  }

  @Test
  void aWebpTurnedSidewaysKeepsOnlyItsOrientation() {
    byte[] vp8x = new byte[10];
    vp8x[0] = 0x08;
    byte[] webp =
        riff(
            riffChunk("VP8X", vp8x),
            riffChunk("VP8L", new byte[] {0x2F, 1}),
            riffChunk("EXIF", exifTiff(8)));
    byte[] stripped = PhotoMetadata.strip("image/webp", webp);
    assertThat(text(stripped)).doesNotContain("GPS").contains("EXIF");
    int exif = indexOf(stripped, ascii("EXIF"));
    assertThat(PhotoMetadata.orientation(Arrays.copyOfRange(stripped, exif + 8, stripped.length)))
        .isEqualTo(8);
    assertThat(stripped[20] & 0x08).isEqualTo(0x08);
  }

  @Test
  void aFileThatCannotBeWalkedIsRefusedRatherThanKeptWithWhatItCarries() throws Exception {
    byte[] jpeg = image("jpeg");
    for (byte[] damaged :
        new byte[][] {
          Arrays.copyOf(jpeg, jpeg.length / 2),
          {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0},
          {(byte) 0xFF, (byte) 0xD8, 0x12}
        }) {
      assertThatThrownBy(() -> PhotoMetadata.strip("image/jpeg", damaged))
          .isInstanceOfSatisfying(
              RequestMedia.Refused.class, e -> assertThat(e.status()).isEqualTo(415))
          .hasMessageContaining("damaged");
    }
    byte[] png = image("png");
    byte[] badLength = png.clone();
    badLength[8] = 0x7F;
    assertThatThrownBy(() -> PhotoMetadata.strip("image/png", badLength))
        .isInstanceOf(RequestMedia.Refused.class);
    assertThatThrownBy(() -> PhotoMetadata.strip("image/png", Arrays.copyOf(png, 20)))
        .isInstanceOf(RequestMedia.Refused.class);
    byte[] gif = image("gif");
    assertThatThrownBy(() -> PhotoMetadata.strip("image/gif", Arrays.copyOf(gif, gif.length - 4)))
        .isInstanceOf(RequestMedia.Refused.class);
  }

  // --- building files -----------------------------------------------------------------------

  private static byte[] image(String format) throws Exception {
    BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 8; x++) {
      for (int y = 0; y < 6; y++) {
        image.setRGB(x, y, x < 4 ? 0xFFFFFF : 0x000000);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, format, out)).isTrue();
    return out.toByteArray();
  }

  private static BufferedImage decoded(byte[] file) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(file));
    assertThat(image).as("decodable").isNotNull();
    return image;
  }

  /** An EXIF TIFF block with the orientation and a GPS directory holding {@link #SECRET}. */
  private static byte[] exifTiff(int orientation) {
    byte[] secret = ascii(SECRET + "\0");
    ByteBuffer t = ByteBuffer.allocate(8 + 2 + 24 + 4 + 2 + 12 + 4 + secret.length);
    int gpsIfd = 8 + 2 + 24 + 4;
    int secretAt = gpsIfd + 2 + 12 + 4;
    t.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
    t.putShort((short) 2);
    t.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation);
    t.putShort((short) 0);
    t.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);
    t.putInt(0);
    t.putShort((short) 1);
    t.putShort((short) 0x001B).putShort((short) 7).putInt(secret.length).putInt(secretAt);
    t.putInt(0);
    t.put(secret);
    return t.array();
  }

  private static byte[] segment(int marker, byte[] data) {
    return concat(
        new byte[] {
          (byte) 0xFF, (byte) marker, (byte) ((data.length + 2) >> 8), (byte) (data.length + 2)
        },
        data);
  }

  private static byte[] pngChunk(String type, byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(ascii(type));
    crc.update(data);
    return concat(
        ByteBuffer.allocate(4).putInt(data.length).array(),
        ascii(type),
        data,
        ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private static byte[] gifExtension(int label, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x21);
    out.write(label);
    for (int i = 0; i < data.length; i += 255) {
      int n = Math.min(255, data.length - i);
      out.write(n);
      out.write(data, i, n);
    }
    out.write(0);
    return out.toByteArray();
  }

  private static byte[] riffChunk(String fourcc, byte[] data) {
    byte[] chunk =
        concat(
            ascii(fourcc),
            ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(data.length).array(),
            data);
    return data.length % 2 == 0 ? chunk : concat(chunk, new byte[1]);
  }

  private static byte[] riff(byte[]... chunks) {
    byte[] body = concat(ascii("WEBP"), concat(chunks));
    return concat(
        ascii("RIFF"),
        ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.length).array(),
        body);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  private static int indexOf(byte[] b, byte[] part) {
    return text(b).indexOf(text(part));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
