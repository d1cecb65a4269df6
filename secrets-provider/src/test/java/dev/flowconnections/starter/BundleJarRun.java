package dev.flowconnections.starter;

import static dev.flowconnections.starter.CredentialCheckScenario.ORG_SECRET;
import static dev.flowconnections.starter.CredentialCheckScenario.TOKEN;

import dev.flowconnections.secretprovider.ConnectionsSecretProvider;
import dev.flowconnections.starter.CredentialCheckScenario.Outcome;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The credential check of the sample runtime, in a JVM of its own whose classpath holds the bundle
 * jar instead of secrets-provider's classes and dependencies ({@link BundleJarRuntimeIT}). Exit
 * status 0 when the connector saw the seeded values and no record holds them.
 */
public final class BundleJarRun {

  private BundleJarRun() {}

  /**
   * @param args the migrated schema of the store
   */
  public static void main(String[] args) {
    int status = 1;
    try (ConfigurableApplicationContext runtime =
        SampleRuntime.start(SampleRuntime.environmentVariables(args[0]))) {
      System.out.println(
          "secret provider loaded from "
              + ConnectionsSecretProvider.class
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation());
      Outcome outcome = CredentialCheckScenario.run(runtime);
      boolean sawTheValues =
          outcome.seen().size() == 1
              && TOKEN.equals(outcome.seen().get(0).token())
              && ORG_SECRET.equals(outcome.seen().get(0).orgSecret());
      boolean leaked = outcome.records().contains(TOKEN) || outcome.records().contains(ORG_SECRET);
      System.out.println(
          "credential check: connector saw the seeded values "
              + sawTheValues
              + ", values in records "
              + leaked);
      status = sawTheValues && !leaked ? 0 : 2;
    } catch (Throwable failure) {
      failure.printStackTrace();
    }
    System.exit(status);
  }
}
