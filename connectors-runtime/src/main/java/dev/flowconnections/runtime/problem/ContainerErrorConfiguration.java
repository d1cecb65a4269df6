package dev.flowconnections.runtime.problem;

import dev.flowconnections.runtime.api.ApiJson;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link ProblemErrorReportValve} in place of Tomcat's HTML error report (Boot adds one
 * without server info; this customizer runs after Boot's and replaces it).
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrorConfiguration {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReport(ApiJson json) {
    return factory ->
        factory.addContextCustomizers(
            context -> {
              if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                  if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                  }
                }
                host.getPipeline().addValve(new ProblemErrorReportValve(json));
                // the host adds a valve of this class at start unless one is there: ours is
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
              }
            });
  }
}
