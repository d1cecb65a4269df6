package dev.flowconnections.runtime.job;

import io.camunda.client.annotation.value.JobWorkerValue;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.client.jobhandling.JobWorkerManager;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class JobHandlingConfiguration {

  @Bean
  JobOutcomes jobOutcomes(MeterRegistry registry) {
    return new JobOutcomes(registry);
  }

  @Bean
  JobsInFlight jobsInFlight(JobOutcomes outcomes) {
    return new JobsInFlight(outcomes);
  }

  @Bean
  GracefulShutdown gracefulShutdown(
      JobsInFlight jobs,
      @Value("${flow-connections.shutdown.drain-timeout:20s}") Duration drainTimeout) {
    return new GracefulShutdown(jobs, drainTimeout);
  }

  /**
   * Every job worker, the connector runtime's outbound ones included, is opened through the
   * starter's JobWorkerManager with a handler: its handlers run through {@link JobsInFlight}.
   * ({@code @JobWorker} methods open theirs inside the manager and are not tracked; this runtime
   * has none.) Static: a BeanPostProcessor is created before the other beans of this configuration.
   */
  @Bean
  static BeanPostProcessor jobHandlersInFlight(ObjectProvider<JobsInFlight> jobs) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof JobWorkerManager)) {
          return bean;
        }
        ProxyFactory proxy = new ProxyFactory(bean);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice(
            (MethodInterceptor)
                invocation -> {
                  Object[] args = invocation.getArguments();
                  if (invocation.getMethod().getName().equals("openWorker")
                      && args.length == 3
                      && args[1] instanceof JobWorkerValue worker
                      && args[2] instanceof JobHandler handler) {
                    args[2] = jobs.getObject().track(worker.getType(), handler);
                  }
                  return invocation.proceed();
                });
        return proxy.getProxy(bean.getClass().getClassLoader());
      }
    };
  }
}
