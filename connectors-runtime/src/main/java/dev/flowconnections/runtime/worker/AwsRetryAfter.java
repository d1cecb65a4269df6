package dev.flowconnections.runtime.worker;

import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The {@code Retry-After} header of an AWS error answer (SNS, S3), for {@link
 * JobFailures#unavailable}.
 */
public final class AwsRetryAfter {

  private AwsRetryAfter() {}

  public static Optional<String> of(AwsServiceException e) {
    return e.awsErrorDetails() == null || e.awsErrorDetails().sdkHttpResponse() == null
        ? Optional.empty()
        : e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After");
  }
}
