package dev.flowconnections.sample.load;

import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.ConfigMode;
import dev.flowconnections.integration.IntegrationDraft;
import dev.flowconnections.integration.IntegrationScope;
import dev.flowconnections.integration.IntegrationService;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.testsupport.PostgresTestSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Seeds the load schema through the domain services, as each organization's administrator: one big
 * organization (the runtime's own) with {@code connections} connections over {@value
 * #BIG_ORG_INTEGRATIONS} REST integrations (Bearer, API key, Basic), and {@code orgs - 1} small
 * ones with {@code smallOrgConnections} each over {@value #SMALL_ORG_INTEGRATIONS} integrations;
 * every connection with credentials in all four environments. A marker connection, created last,
 * says the schema holds a complete seed of this size; without it the schema is dropped and seeded
 * anew.
 */
final class LoadSeeder {

  static final String BIG_ORGANIZATION = "default";
  static final int BIG_ORG_INTEGRATIONS = 30;
  static final int SMALL_ORG_INTEGRATIONS = 5;
  private static final AuthScheme[] SCHEMES = {
    AuthScheme.BEARER, AuthScheme.API_KEY, AuthScheme.BASIC
  };
  private static final String[] VERTICALS = {
    "Billing",
    "CRM",
    "Shipping",
    "Payments",
    "Analytics",
    "Support",
    "Inventory",
    "Marketing",
    "HR",
    "Identity"
  };

  private final IntegrationService integrations;
  private final ConnectionService connections;
  private final LoadOptions options;

  LoadSeeder(IntegrationService integrations, ConnectionService connections, LoadOptions options) {
    this.integrations = integrations;
    this.connections = connections;
    this.options = options;
  }

  /** Organization {@code i}: 0 is the big one, the others are small. */
  static String organization(int i) {
    return i == 0 ? BIG_ORGANIZATION : String.format(Locale.ROOT, "load-org-%03d", i);
  }

  static Actor admin(String organization) {
    return new Actor("load-seeder", organization, Set.of(Role.ADMIN));
  }

  /** Connection {@code n} (from 0) of an organization: its key. */
  static String connectionKey(int n) {
    return String.format(Locale.ROOT, "load-%05d", n);
  }

  /** The auth scheme of integration {@code i}, hence of the connections using it. */
  static AuthScheme scheme(int integration) {
    return SCHEMES[integration % SCHEMES.length];
  }

  /** The integration connection {@code n} of an organization with {@code count} of them uses. */
  static int integrationOf(int n, int count) {
    return n % count;
  }

  /** The secret field of a connection of {@code scheme} that placeholders read. */
  static String secretField(AuthScheme scheme) {
    return switch (scheme) {
      case BEARER -> FieldCatalog.TOKEN;
      case API_KEY -> FieldCatalog.API_KEY;
      case BASIC -> FieldCatalog.PASSWORD;
      default -> throw new IllegalArgumentException(scheme.name());
    };
  }

  /** Credentials of one environment; {@code revision} makes an edit change the secret. */
  static Map<String, Object> credentials(
      AuthScheme scheme, String organization, int n, Environment environment, int revision) {
    String secret =
        "load-secret-" + organization + "-" + n + "-" + environment.name() + "-" + revision;
    return switch (scheme) {
      case BEARER -> Map.of(FieldCatalog.TOKEN, secret);
      case API_KEY -> Map.of(FieldCatalog.API_KEY, secret);
      case BASIC -> Map.of(FieldCatalog.USERNAME, "user-" + n, FieldCatalog.PASSWORD, secret);
      default -> throw new IllegalArgumentException(scheme.name());
    };
  }

  /** Whether the schema holds a complete seed of this size (false when it does not exist). */
  static boolean seeded(LoadOptions options) {
    try (Connection db = PostgresTestSchema.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select count(*) from "
                    + options.schema()
                    + ".connection where organization_id = ? and connection_key = ?")) {
      query.setString(1, BIG_ORGANIZATION);
      query.setString(2, options.seedMarkerKey());
      try (ResultSet result = query.executeQuery()) {
        return result.next() && result.getInt(1) == 1;
      }
    } catch (SQLException e) {
      return false; // no schema, or not migrated yet
    }
  }

  static void dropSchema(LoadOptions options) {
    try (Connection db = PostgresTestSchema.connect();
        Statement statement = db.createStatement()) {
      statement.execute("drop schema if exists " + options.schema() + " cascade");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop schema " + options.schema(), e);
    }
  }

  /** Seeds every organization; returns the number of connections created. */
  int seed() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(options.seedThreads());
    AtomicInteger done = new AtomicInteger();
    int total = options.connections() + (options.orgs() - 1) * options.smallOrgConnections();
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int org = 0; org < options.orgs(); org++) {
        String organization = organization(org);
        int count = org == 0 ? options.connections() : options.smallOrgConnections();
        int integrationCount = org == 0 ? BIG_ORG_INTEGRATIONS : SMALL_ORG_INTEGRATIONS;
        Map<Integer, UUID> integrationIds = createIntegrations(organization, integrationCount);
        int chunk = 250;
        for (int from = 0; from < count; from += chunk) {
          int start = from;
          int end = Math.min(count, from + chunk);
          work.add(
              pool.submit(
                  () -> {
                    for (int n = start; n < end; n++) {
                      createConnection(organization, n, integrationCount, integrationIds);
                      int created = done.incrementAndGet();
                      if (created % 1000 == 0) {
                        System.out.printf(
                            Locale.ROOT, "  seeded %d of %d connections%n", created, total);
                      }
                    }
                    return null;
                  }));
        }
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    // last: the marker of a complete seed
    UUID markerIntegration = createIntegrations("marker", BIG_ORGANIZATION, 1).get(0);
    connections.create(
        admin(BIG_ORGANIZATION),
        new ConnectionDraft(
            markerIntegration,
            "Load seed complete " + options.seedMarkerKey(),
            options.seedMarkerKey(),
            Visibility.ORGANIZATION,
            null));
    return done.get();
  }

  private Map<Integer, UUID> createIntegrations(String organization, int count) {
    return createIntegrations("", organization, count);
  }

  private Map<Integer, UUID> createIntegrations(String suffix, String organization, int count) {
    Map<Integer, UUID> ids = new HashMap<>();
    for (int i = 0; i < count; i++) {
      AuthScheme scheme = scheme(i);
      String vertical = VERTICALS[i % VERTICALS.length];
      Map<String, Object> config = new HashMap<>();
      config.put(FieldCatalog.BASE_URL, "https://api-" + i + ".load.example");
      if (scheme == AuthScheme.API_KEY) {
        config.put(FieldCatalog.API_KEY_NAME, "X-API-Key");
        config.put(FieldCatalog.API_KEY_LOCATION, "HEADER");
      }
      String name =
          String.format(
              Locale.ROOT, "Load %s API %02d%s", vertical, i, suffix.isEmpty() ? "" : " " + suffix);
      ids.put(
          i,
          integrations
              .create(
                  admin(organization),
                  new IntegrationDraft(
                      name,
                      "Seeded by bin/load",
                      vertical,
                      IntegrationType.REST_API,
                      IntegrationScope.ORGANIZATION,
                      ConfigMode.SAME_FOR_ALL,
                      scheme,
                      null,
                      null,
                      config,
                      null,
                      null))
              .id());
    }
    return ids;
  }

  private void createConnection(
      String organization, int n, int integrationCount, Map<Integer, UUID> integrationIds) {
    Actor admin = admin(organization);
    int integration = integrationOf(n, integrationCount);
    AuthScheme scheme = scheme(integration);
    String vertical = VERTICALS[integration % VERTICALS.length];
    UUID id =
        connections
            .create(
                admin,
                new ConnectionDraft(
                    integrationIds.get(integration),
                    String.format(Locale.ROOT, "%s connection %05d", vertical, n),
                    connectionKey(n),
                    Visibility.ORGANIZATION,
                    null))
            .connection()
            .id();
    for (Environment environment : Environment.values()) {
      connections.putEnvironment(
          admin, id, environment, credentials(scheme, organization, n, environment, 0), null);
    }
  }
}
