package org.sekisho.passenger.egate.adapter.face;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Writes, as ONNX protobuf bytes, a tiny stand-in "face embedding" model for tests: {@code image
 * [N,3,H,W] -> Flatten -> MatMul(random projection) -> LpNormalization -> embedding [N,D]}. A
 * random projection keeps cosine similarity between images roughly as it was between their pixels,
 * so the same face scores about 1 and an unrelated picture much lower. It recognises nobody: it
 * only exercises the adapter end to end.
 */
public final class TinyOnnxModel {
  private TinyOnnxModel() {}

  public static byte[] randomProjection(int width, int height, int dims, long seed) {
    int in = 3 * width * height;
    ByteBuffer w = ByteBuffer.allocate(4 * in * dims).order(ByteOrder.LITTLE_ENDIAN);
    Random rnd = new Random(seed);
    for (int i = 0; i < in * dims; i++) {
      w.putFloat((float) rnd.nextGaussian());
    }
    Proto weights =
        new Proto()
            .varint(1, in)
            .varint(1, dims)
            .varint(2, 1) // FLOAT
            .string(8, "projection")
            .bytes(9, w.array());
    Proto graph =
        new Proto()
            .message(1, node("Flatten", "image", "", "flat", attrInt("axis", 1)))
            .message(1, node("MatMul", "flat", "projection", "projected", null))
            .message(
                1,
                node(
                    "LpNormalization",
                    "projected",
                    "",
                    "embedding",
                    attrInt("axis", 1),
                    attrInt("p", 2)))
            .string(2, "tiny-face")
            .message(5, weights)
            .message(11, valueInfo("image", new Object[] {"N", 3L, (long) height, (long) width}))
            .message(12, valueInfo("embedding", new Object[] {"N", (long) dims}));
    return new Proto()
        .varint(1, 8) // ir_version
        .string(2, "sekisho-test")
        .message(7, graph)
        .message(8, new Proto().string(1, "").varint(2, 13))
        .toBytes();
  }

  private static Proto attrInt(String name, long v) {
    return new Proto().string(1, name).varint(3, v).varint(20, 2); // type INT
  }

  private static Proto node(String op, String in1, String in2, String out, Proto... attrs) {
    Proto n = new Proto().string(1, in1);
    if (!in2.isEmpty()) {
      n.string(1, in2);
    }
    n.string(2, out).string(3, op.toLowerCase(java.util.Locale.ROOT)).string(4, op);
    if (attrs != null) {
      for (Proto a : attrs) {
        if (a != null) {
          n.message(5, a);
        }
      }
    }
    return n;
  }

  private static Proto valueInfo(String name, Object[] dims) {
    Proto shape = new Proto();
    for (Object d : dims) {
      shape.message(
          1, d instanceof String s ? new Proto().string(2, s) : new Proto().varint(1, (Long) d));
    }
    Proto tensor = new Proto().varint(1, 1).message(2, shape);
    return new Proto().string(1, name).message(2, new Proto().message(1, tensor));
  }

  /** Just enough protobuf wire format: varints, strings, bytes and nested messages. */
  private static final class Proto {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Proto varint(int field, long v) {
      raw((long) field << 3);
      raw(v);
      return this;
    }

    Proto string(int field, String s) {
      return bytes(field, s.getBytes(StandardCharsets.UTF_8));
    }

    Proto bytes(int field, byte[] b) {
      raw(((long) field << 3) | 2);
      raw(b.length);
      out.writeBytes(b);
      return this;
    }

    Proto message(int field, Proto m) {
      return bytes(field, m.toBytes());
    }

    private void raw(long v) {
      while ((v & ~0x7FL) != 0) {
        out.write((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      out.write((int) v);
    }

    byte[] toBytes() {
      return out.toByteArray();
    }
  }
}
