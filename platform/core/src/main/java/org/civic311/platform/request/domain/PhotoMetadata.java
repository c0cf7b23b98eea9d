package org.civic311.platform.request.domain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Removes the metadata a photo carries before it is stored and served to anyone: EXIF (the GPS
 * position where it was taken, the time, the phone's make and serial number), XMP, IPTC and
 * comments. The pixels are not decoded or re-encoded: the file is rewritten container by container,
 * without the metadata blocks, so the photo keeps its quality and its size shrinks.
 *
 * <p>The one piece of EXIF kept is the orientation (when it is not "upright"), rewritten as a
 * minimal EXIF block with that single tag, because phones store portrait photos sideways and rely
 * on it. Colour profiles (JPEG's {@code ICC_PROFILE}, PNG's {@code iCCP}, WebP's {@code ICCP}) and
 * JPEG's Adobe segment, which decoders need for the colours, are kept.
 *
 * <p>A file whose structure cannot be walked is refused ({@link RequestMedia.Refused}, 415) rather
 * than stored with whatever it carries.
 */
public final class PhotoMetadata {
  private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
  private static final int ORIENTATION_TAG = 0x0112;

  private PhotoMetadata() {}

  /** {@code content} of image type {@code type} without its metadata. */
  public static byte[] strip(String type, byte[] content) {
    try {
      return switch (type) {
        case "image/jpeg" -> jpeg(content);
        case "image/png" -> png(content);
        case "image/webp" -> webp(content);
        case "image/gif" -> gif(content);
        default -> throw damaged(type);
      };
    } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
      throw damaged(type);
    }
  }

  private static RequestMedia.Refused damaged(String type) {
    return new RequestMedia.Refused(
        415, "media: the " + type + " file is damaged or incomplete; send the photo again");
  }

  // JPEG: segments FF xx with a 2-byte length; after each start of scan (FF DA) the entropy-coded
  // data, in which FF is only ever followed by 00 or a restart marker. The file ends at the first
  // end of image (FF D9): whatever follows (a phone's second image, with EXIF of its own) goes.
  private static byte[] jpeg(byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
    out.write(0xFF);
    out.write(0xD8);
    int orientation = 1;
    boolean orientationWritten = false;
    int i = 2;
    while (true) {
      if ((b[i] & 0xFF) != 0xFF) {
        throw damaged("image/jpeg");
      }
      int marker = b[i + 1] & 0xFF;
      if (marker == 0xFF) { // fill byte
        i++;
        continue;
      }
      if (marker == 0xD9) {
        out.write(0xFF);
        out.write(0xD9);
        return out.toByteArray();
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        out.write(b, i, 2);
        i += 2;
        continue;
      }
      int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
      if (length < 2 || i + 2 + length > b.length) {
        throw damaged("image/jpeg");
      }
      int dataStart = i + 4;
      int dataLength = length - 2;
      if (marker == 0xDA) {
        if (orientation != 1 && !orientationWritten) {
          byte[] exif = concat(EXIF_HEADER, orientationTiff(orientation));
          out.write(0xFF);
          out.write(0xE1);
          out.write((exif.length + 2) >> 8);
          out.write((exif.length + 2) & 0xFF);
          out.write(exif, 0, exif.length);
          orientationWritten = true;
        }
        int scan = i + 2 + length;
        int j = scan;
        while (true) {
          if ((b[j] & 0xFF) != 0xFF) {
            j++;
            continue;
          }
          int next = b[j + 1] & 0xFF;
          if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
            j += 2;
          } else if (next == 0xFF) {
            j++;
          } else {
            break;
          }
        }
        out.write(b, i, j - i);
        i = j;
        continue;
      }
      boolean keep;
      if (marker == 0xE1) {
        keep = false;
        if (startsWith(b, dataStart, dataLength, EXIF_HEADER)) {
          orientation =
              orientation(
                  Arrays.copyOfRange(b, dataStart + EXIF_HEADER.length, dataStart + dataLength));
        }
      } else if (marker == 0xE2) {
        keep =
            startsWith(
                b, dataStart, dataLength, "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII));
      } else {
        // comments, IPTC (APP13), maker and other application blocks go; JFIF (APP0), Adobe
        // (APP14), the tables and the frame header stay
        keep = !(marker == 0xFE || (marker >= 0xE3 && marker <= 0xEF && marker != 0xEE));
      }
      if (keep) {
        out.write(b, i, length + 2);
      }
      i += length + 2;
    }
  }

  // PNG: chunks of length, type, data and CRC after the 8-byte signature.
  private static byte[] png(byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
    out.write(b, 0, 8);
    int i = 8;
    boolean ended = false;
    while (!ended) {
      int length = ByteBuffer.wrap(b, i, 4).getInt();
      if (length < 0 || i + 12L + length > b.length) {
        throw damaged("image/png");
      }
      String chunk = new String(b, i + 4, 4, StandardCharsets.US_ASCII);
      ended = chunk.equals("IEND");
      switch (chunk) {
        case "eXIf" -> {
          int orientation = orientation(Arrays.copyOfRange(b, i + 8, i + 8 + length));
          if (orientation != 1) {
            writePngChunk(out, "eXIf", orientationTiff(orientation));
          }
        }
        case "tEXt", "zTXt", "iTXt", "tIME" -> {
          // text (XMP travels in iTXt), and the time it was last changed
        }
        default -> out.write(b, i, length + 12);
      }
      i += length + 12;
    }
    return out.toByteArray();
  }

  private static void writePngChunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  // WebP: a RIFF container of chunks (FourCC, little-endian size, data padded to even length).
  private static byte[] webp(byte[] b) {
    ByteBuffer in = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    long riffEnd = Math.min(8L + Integer.toUnsignedLong(in.getInt(4)), b.length);
    ByteArrayOutputStream body = new ByteArrayOutputStream(b.length);
    body.write(b, 8, 4); // "WEBP"
    int vp8x = -1;
    int i = 12;
    while (i + 8 <= riffEnd) {
      String chunk = new String(b, i, 4, StandardCharsets.US_ASCII);
      long size = Integer.toUnsignedLong(in.getInt(i + 4));
      long padded = size + (size & 1);
      if (i + 8 + size > riffEnd) {
        throw damaged("image/webp");
      }
      switch (chunk) {
        case "EXIF" -> {
          int orientation =
              orientation(stripExifHeader(Arrays.copyOfRange(b, i + 8, (int) (i + 8 + size))));
          if (orientation != 1) {
            byte[] tiff = orientationTiff(orientation);
            body.writeBytes("EXIF".getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(
                ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(tiff.length).array());
            body.writeBytes(tiff); // its length is even
          } else if (vp8x >= 0) {
            clearFlag(body, vp8x, 0x08);
          }
        }
        case "XMP " -> {
          if (vp8x >= 0) {
            clearFlag(body, vp8x, 0x04);
          }
        }
        default -> {
          if (chunk.equals("VP8X")) {
            vp8x = body.size() + 8; // the flags byte, first of the chunk's data
          }
          body.write(b, i, (int) Math.min(8 + padded, riffEnd - i));
        }
      }
      i += (int) (8 + padded);
    }
    byte[] rest = body.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream(rest.length + 8);
    out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(
        ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(rest.length).array());
    out.writeBytes(rest);
    return out.toByteArray();
  }

  /**
   * Clears a VP8X flag in the bytes written so far. The EXIF and XMP chunks come after VP8X, so its
   * flags byte is already in {@code body}.
   */
  private static void clearFlag(ByteArrayOutputStream body, int at, int flag) {
    byte[] written = body.toByteArray();
    written[at] = (byte) (written[at] & ~flag);
    body.reset();
    body.writeBytes(written);
  }

  private static byte[] stripExifHeader(byte[] exif) {
    return startsWith(exif, 0, exif.length, EXIF_HEADER)
        ? Arrays.copyOfRange(exif, EXIF_HEADER.length, exif.length)
        : exif;
  }

  // GIF: header, screen descriptor and colour table, then blocks until the trailer (3B).
  private static byte[] gif(byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
    int i = 13;
    if ((b[10] & 0x80) != 0) {
      i += 3 * (1 << ((b[10] & 0x07) + 1));
    }
    out.write(b, 0, i);
    while (true) {
      int block = b[i] & 0xFF;
      if (block == 0x3B) {
        out.write(0x3B);
        return out.toByteArray();
      } else if (block == 0x2C) { // an image: descriptor, local colour table, LZW data
        int start = i;
        int packed = b[i + 9] & 0xFF;
        i += 10;
        if ((packed & 0x80) != 0) {
          i += 3 * (1 << ((packed & 0x07) + 1));
        }
        i = skipSubBlocks(b, i + 1);
        out.write(b, start, i - start);
      } else if (block == 0x21) {
        int label = b[i + 1] & 0xFF;
        int start = i;
        i = skipSubBlocks(b, i + 2);
        boolean comment = label == 0xFE;
        boolean application = label == 0xFF;
        boolean animation =
            application
                && startsWith(b, start + 3, 11, "NETSCAPE2.0".getBytes(StandardCharsets.US_ASCII));
        if (!comment && (!application || animation)) {
          out.write(b, start, i - start); // graphic control, plain text, the loop count
        }
      } else {
        throw damaged("image/gif");
      }
    }
  }

  private static int skipSubBlocks(byte[] b, int i) {
    while (true) {
      int size = b[i] & 0xFF;
      i += 1 + size;
      if (size == 0) {
        if (i > b.length) {
          throw damaged("image/gif");
        }
        return i;
      }
    }
  }

  /** The orientation tag (1 to 8) of an EXIF TIFF structure; 1 when absent or unreadable. */
  static int orientation(byte[] tiff) {
    try {
      ByteBuffer t = ByteBuffer.wrap(tiff);
      if (tiff[0] == 'I' && tiff[1] == 'I') {
        t.order(ByteOrder.LITTLE_ENDIAN);
      } else if (!(tiff[0] == 'M' && tiff[1] == 'M')) {
        return 1;
      }
      int ifd = t.getInt(4);
      int entries = t.getShort(ifd) & 0xFFFF;
      for (int e = 0; e < entries; e++) {
        int at = ifd + 2 + 12 * e;
        if ((t.getShort(at) & 0xFFFF) == ORIENTATION_TAG) {
          int value = t.getShort(at + 8) & 0xFFFF;
          return value >= 1 && value <= 8 ? value : 1;
        }
      }
      return 1;
    } catch (IndexOutOfBoundsException e) {
      return 1;
    }
  }

  /** A big-endian TIFF structure with one IFD holding only the orientation. */
  static byte[] orientationTiff(int orientation) {
    return ByteBuffer.allocate(26)
        .put(new byte[] {'M', 'M', 0, 42})
        .putInt(8) // the IFD follows the header
        .putShort((short) 1) // one entry
        .putShort((short) ORIENTATION_TAG)
        .putShort((short) 3) // SHORT
        .putInt(1) // one value
        .putShort((short) orientation)
        .putShort((short) 0) // padding of the value field
        .putInt(0) // no next IFD
        .array();
  }

  private static boolean startsWith(byte[] b, int from, int length, byte[] prefix) {
    return length >= prefix.length
        && from + prefix.length <= b.length
        && Arrays.equals(b, from, from + prefix.length, prefix, 0, prefix.length);
  }

  private static byte[] concat(byte[] a, byte[] c) {
    byte[] r = Arrays.copyOf(a, a.length + c.length);
    System.arraycopy(c, 0, r, a.length, c.length);
    return r;
  }
}
