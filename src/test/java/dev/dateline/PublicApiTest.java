package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the public API (package {@code dev.dateline}) shows of the library's insides. */
class PublicApiTest {
  private static final String INTERNAL = "dev.dateline.internal.";

  @Test
  void publicApi_mentionsNoInternalType() throws Exception {
    List<Class<?>> api = publicApiClasses();
    assertThat(api).contains(NewsIndex.class, NewsQuery.class, NewsQuery.Builder.class, IndexFields.class);
    Set<String> leaks = new TreeSet<>();
    for (Class<?> c : api) {
      check(c.getName() + " extends", c.getGenericSuperclass(), leaks);
      for (Type t : c.getGenericInterfaces()) {
        check(c.getName() + " implements", t, leaks);
      }
      for (Method m : c.getDeclaredMethods()) {
        if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
          String where = c.getName() + "." + m.getName() + "()";
          check(where, m.getGenericReturnType(), leaks);
          for (Type t : m.getGenericParameterTypes()) {
            check(where, t, leaks);
          }
          for (Type t : m.getGenericExceptionTypes()) {
            check(where, t, leaks);
          }
        }
      }
      for (Constructor<?> k : c.getDeclaredConstructors()) {
        if (visible(k.getModifiers())) {
          for (Type t : k.getGenericParameterTypes()) {
            check(c.getName() + " constructor", t, leaks);
          }
        }
      }
      for (Field f : c.getDeclaredFields()) {
        if (visible(f.getModifiers()) && !f.isSynthetic()) {
          check(c.getName() + "." + f.getName(), f.getGenericType(), leaks);
        }
      }
    }
    assertThat(leaks).as("public members mentioning internal types").isEmpty();
  }

  @Test
  void normalizedText_isTheQueryAsParsed_andParsesBackToTheSameQuery() {
    NewsQuery q =
        NewsQuery.builder().text("talks kyiv -russia").defaultOperator(NewsQuery.Operator.AND).build();
    assertThat(q.normalizedText()).isEqualTo("(talks AND kyiv AND NOT russia)");
    NewsQuery again = NewsQuery.builder().text(q.normalizedText()).defaultOperator(NewsQuery.Operator.OR).build();
    assertThat(again.normalizedText()).isEqualTo(q.normalizedText());
    // The ranked default prints its juxtaposition, which parses back to itself under that default.
    NewsQuery ranked = NewsQuery.of("talks kyiv -russia");
    assertThat(ranked.normalizedText()).isEqualTo("(talks kyiv NOT russia)");
    assertThat(NewsQuery.of(ranked.normalizedText()).normalizedText()).isEqualTo(ranked.normalizedText());
    assertThat(NewsQuery.builder().text("ceasefire truce").defaultOperator(NewsQuery.Operator.OR).build()
            .normalizedText())
        .isEqualTo("(ceasefire OR truce)");
    assertThat(NewsQuery.of("headline:\"peace talks\"").normalizedText()).isEqualTo("headline:\"peace talks\"");
    assertThat(NewsQuery.builder().build().normalizedText()).isEmpty();
    assertThat(NewsQuery.of("   ").normalizedText()).isEmpty();
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  /** The public top-level and nested types of package dev.dateline (not its subpackages). */
  private static List<Class<?>> publicApiClasses() throws IOException, URISyntaxException, ClassNotFoundException {
    Path dir =
        Path.of(NewsIndex.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve("dev/dateline");
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String simple = f.getFileName().toString().replaceFirst("\\.class$", "");
        Class<?> c = Class.forName("dev.dateline." + simple, false, PublicApiTest.class.getClassLoader());
        if (!c.isAnonymousClass() && !c.isSynthetic() && publiclyReachable(c)) {
          out.add(c);
        }
      }
    }
    return out;
  }

  private static boolean publiclyReachable(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static void check(String where, Type type, Set<String> leaks) {
    switch (type) {
      case null -> {}
      case Class<?> c -> {
        Class<?> e = c;
        while (e.isArray()) {
          e = e.getComponentType();
        }
        if (e.getName().startsWith(INTERNAL)) {
          leaks.add(where + ": " + e.getName());
        }
      }
      case ParameterizedType p -> {
        check(where, p.getRawType(), leaks);
        for (Type a : p.getActualTypeArguments()) {
          check(where, a, leaks);
        }
      }
      case WildcardType w -> {
        for (Type b : w.getUpperBounds()) {
          check(where, b, leaks);
        }
        for (Type b : w.getLowerBounds()) {
          check(where, b, leaks);
        }
      }
      case GenericArrayType g -> check(where, g.getGenericComponentType(), leaks);
      case TypeVariable<?> v -> {
        for (Type b : v.getBounds()) {
          check(where, b, leaks);
        }
      }
      default -> {}
    }
  }
}
