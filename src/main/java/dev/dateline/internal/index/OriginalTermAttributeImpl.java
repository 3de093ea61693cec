package dev.dateline.internal.index;

import java.util.Arrays;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.AttributeReflector;

/** Default implementation of {@link OriginalTermAttribute} (found by Lucene's attribute factory). */
public final class OriginalTermAttributeImpl extends AttributeImpl implements OriginalTermAttribute {
  private char[] buffer = new char[16];
  private int length;

  @Override
  public void setOriginal(char[] source, int len) {
    buffer = ArrayUtil.grow(buffer, len);
    System.arraycopy(source, 0, buffer, 0, len);
    length = len;
  }

  @Override
  public boolean originalEquals(char[] other, int len) {
    return Arrays.equals(buffer, 0, length, other, 0, len);
  }

  @Override
  public char[] originalBuffer() {
    return buffer;
  }

  @Override
  public int originalLength() {
    return length;
  }

  @Override
  public void clear() {
    length = 0;
  }

  @Override
  public void copyTo(AttributeImpl target) {
    ((OriginalTermAttribute) target).setOriginal(buffer, length);
  }

  @Override
  public void reflectWith(AttributeReflector reflector) {
    reflector.reflect(OriginalTermAttribute.class, "original", new String(buffer, 0, length));
  }
}
