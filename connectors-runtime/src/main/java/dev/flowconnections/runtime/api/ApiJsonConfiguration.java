package dev.flowconnections.runtime.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads and writes the API's own types with {@link ApiJson}, leaving every other MVC endpoint to
 * the application's converters. Reading is strict: an unknown property (a typo such as {@code
 * visiblity}) or trailing garbage is a 400 naming it instead of being silently dropped.
 */
@Configuration(proxyBeanMethods = false)
class ApiJsonConfiguration implements WebMvcConfigurer {

  private static final String API_TYPES = "dev.flowconnections.";

  private final ApiJson json;

  ApiJsonConfiguration(
      ObjectProvider<Jackson2ObjectMapperBuilder> builder,
      @Value("${flow-connections.limits.max-field-size:64KB}") DataSize maxFieldSize) {
    // Boot's builder carries the spring.jackson.* settings and Spring's ProblemDetail mix-in
    ObjectMapper mapper = builder.getIfAvailable(Jackson2ObjectMapperBuilder::json).build();
    mapper.registerModule(RequestStrings.module(maxFieldSize.toBytes()));
    this.json =
        new ApiJson(
            mapper.enable(
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
  }

  @Bean
  ApiJson apiJson() {
    return json;
  }

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    converters.add(0, new ApiConverter(json.mapper()));
  }

  private static final class ApiConverter extends MappingJackson2HttpMessageConverter {

    ApiConverter(ObjectMapper mapper) {
      super(mapper);
      setSupportedMediaTypes(
          List.of(
              MediaType.APPLICATION_JSON,
              MediaType.APPLICATION_PROBLEM_JSON,
              new MediaType("application", "*+json")));
    }

    @Override
    public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
      return isApiType(type) && super.canRead(type, contextClass, mediaType);
    }

    @Override
    public boolean canRead(Class<?> clazz, MediaType mediaType) {
      return isApiType(clazz) && super.canRead(clazz, mediaType);
    }

    @Override
    public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
      return (isApiType(type) || isApiType(clazz)) && super.canWrite(clazz, mediaType);
    }

    @Override
    public boolean canWrite(Class<?> clazz, MediaType mediaType) {
      return isApiType(clazz) && super.canWrite(clazz, mediaType);
    }

    /** Our records and the domain's, lists of them, and problems. */
    private static boolean isApiType(Type type) {
      if (type instanceof Class<?> c) {
        return c.getName().startsWith(API_TYPES) || ProblemDetail.class.isAssignableFrom(c);
      }
      return type instanceof ParameterizedType p
          && p.getRawType() instanceof Class<?> raw
          && Collection.class.isAssignableFrom(raw)
          && p.getActualTypeArguments().length == 1
          && isApiType(p.getActualTypeArguments()[0]);
    }
  }
}
