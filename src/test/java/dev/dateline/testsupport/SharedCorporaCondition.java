package dev.dateline.testsupport;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Enables {@link RequiresSharedCorpora} tests only where the shared corpora are present. */
final class SharedCorporaCondition implements ExecutionCondition {
  /** System property: when {@code true}, the tests run (and fail) even without the corpora. */
  static final String REQUIRE = "dateline.requireSharedCorpora";

  private static final AtomicBoolean NOTICE_PRINTED = new AtomicBoolean();

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (Fixtures.findSharedCorporaDir().isPresent()) {
      return ConditionEvaluationResult.enabled("shared corpora present");
    }
    if (Boolean.getBoolean(REQUIRE)) {
      return ConditionEvaluationResult.enabled(REQUIRE + " is set: run and fail without the corpora");
    }
    String reason =
        "needs the shared corpora (" + Fixtures.SHARED_CORPORA + " beside the repository), not found";
    if (NOTICE_PRINTED.compareAndSet(false, true)) {
      System.err.println(
          "dateline tests: " + reason + "; the tests that read it are skipped (CI runs them)");
    }
    return ConditionEvaluationResult.disabled(reason);
  }
}
