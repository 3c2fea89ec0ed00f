package vn.motcua;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused production start (see {@link RequiredSecrets}) as one line instead of a stack trace. */
class MissingSecretAnalyzer extends AbstractFailureAnalyzer<RequiredSecrets.MissingSecretException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RequiredSecrets.MissingSecretException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Set each named environment variable to a secret of its own (README, \"Required secrets\"), or run"
                        + " the embedded demo with profile demo.",
                cause);
    }
}
