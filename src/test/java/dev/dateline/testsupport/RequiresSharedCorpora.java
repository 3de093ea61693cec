package dev.dateline.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test (class or method) that reads the team's shared corpora ({@code ../shared/corpora},
 * see {@link Fixtures#sharedCorporaDir()}). Where that folder is absent, as in a user's fresh clone,
 * the test is skipped with the reason; CI sets {@code -Ddateline.requireSharedCorpora=true}, which
 * runs it anyway so that a missing folder fails instead of passing silently.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SharedCorporaCondition.class)
public @interface RequiresSharedCorpora {}
