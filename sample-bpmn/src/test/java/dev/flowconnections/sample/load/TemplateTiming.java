package dev.flowconnections.sample.load;

import dev.flowconnections.templates.TemplatePublisher;
import java.util.Locale;

/**
 * Element template generation and publication of one organization, through the publisher bean:
 * generation is {@link TemplatePublisher#currentHashes} (every node template generated and hashed,
 * nothing stored), publication is {@link TemplatePublisher#publish(String, String)} twice (the
 * first stores what changed since the seed, the second finds nothing changed).
 */
final class TemplateTiming {

  private final TemplatePublisher publisher;
  private final LoadReport report;

  TemplateTiming(TemplatePublisher publisher, LoadReport report) {
    this.publisher = publisher;
    this.report = report;
  }

  void measure(String label, String organization) {
    publisher.currentHashes(organization); // warm-up
    Latencies generation = new Latencies();
    int templates = 0;
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      templates = publisher.currentHashes(organization).size();
      generation.add(System.nanoTime() - start);
    }
    double p50 = generation.percentileMillis(50);
    report.row(
        String.format(
            Locale.ROOT,
            "%s: template generation, %d templates (%s)",
            label,
            templates,
            generation.summary()),
        LoadReport.millis(p50),
        "< 1 s",
        generation.percentileMillis(100) < 1000);
    long start = System.nanoTime();
    TemplatePublisher.Publication first = publisher.publish(organization, "bin/load");
    long firstNanos = System.nanoTime() - start;
    start = System.nanoTime();
    TemplatePublisher.Publication second = publisher.publish(organization, "bin/load");
    long secondNanos = System.nanoTime() - start;
    report.row(
        label + ": template publish (" + first.changedCount() + " changed)",
        LoadReport.seconds(firstNanos));
    report.row(
        label + ": template publish again (" + second.changedCount() + " changed)",
        LoadReport.seconds(secondNanos));
  }
}
