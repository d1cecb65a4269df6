package dev.flowconnections.runtime.connection;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.basicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: GET /api/connections and /api/integrations page and search on the server; the body
 * stays a JSON array, X-Total-Count and Link (next/prev) say the rest.
 */
class ListPagingApiTest extends ApiTestBase {

  @Test
  void pagesPartitionTheConnectionsInNameOrderWithTotalAndLinks() {
    String t = tag();
    String integrationId = createIntegration(admin, basicRestIntegration("Paged " + t));
    List<String> names = new ArrayList<>();
    for (String n : List.of("delta", "Alpha", "charlie", "Bravo", "echo", "foxtrot", "Golf")) {
      names.add(n + " " + t);
      createConnection(modeler, integrationId, n + " " + t, "ORGANIZATION");
    }
    names.sort(Comparator.comparing(n -> n.toLowerCase(Locale.ROOT)));
    String base = "/api/connections?integrationId=" + integrationId;

    List<String> seen = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      Response response = modeler.get(base + "&size=3&page=" + page);
      assertThat(response.status()).as(response.toString()).isEqualTo(200);
      assertThat(response.header("X-Total-Count")).isEqualTo("7");
      seen.addAll(names(response));
      Map<String, String> links = links(response);
      if (page < 2) {
        assertThat(links.get("next"))
            .isEqualTo(
                "/api/connections?integrationId=" + integrationId + "&size=3&page=" + (page + 1));
      } else {
        assertThat(links).doesNotContainKey("next");
      }
      if (page > 0) {
        assertThat(links.get("prev")).contains("page=" + (page - 1)).contains(integrationId);
      } else {
        assertThat(links).doesNotContainKey("prev");
      }
    }
    assertThat(seen).as("no overlap, no gap, by lower(name)").isEqualTo(names);

    Response beyond = modeler.get(base + "&size=3&page=9");
    assertThat(beyond.status()).isEqualTo(200);
    assertThat(beyond.json()).isEmpty();
    assertThat(beyond.header("X-Total-Count")).isEqualTo("7");
    assertThat(links(beyond).get("prev")).contains("page=2");

    Response whole = modeler.get(base);
    assertThat(names(whole)).as("default size 100: one page").isEqualTo(names);
    assertThat(whole.header("Link")).isEmpty();
  }

  @Test
  void searchCombinesWithTypeVerticalAndPaging() {
    String t = tag();
    String vertical = "Vertical " + t;
    Map<String, Object> rest = basicRestIntegration("Search REST " + t);
    rest.put("domainVertical", vertical);
    String restId = createIntegration(admin, rest);
    String elsewhere = createIntegration(admin, basicRestIntegration("Search other " + t));
    for (int i = 0; i < 5; i++) {
      createConnection(modeler, restId, "Needle " + i + " " + t, "ORGANIZATION");
      createConnection(modeler, elsewhere, "Needle elsewhere " + i + " " + t, "ORGANIZATION");
      createConnection(modeler, restId, "Hay " + i + " " + t, "ORGANIZATION");
    }
    String query =
        "/api/connections?search="
            + encode("NEEDLE ")
            + "&type=REST_API&vertical="
            + encode(vertical);

    Response first = modeler.get(query + "&size=2");
    Response second = modeler.get(query + "&size=2&page=1");
    Response third = modeler.get(query + "&size=2&page=2");
    assertThat(first.header("X-Total-Count")).isEqualTo("5");
    List<String> all = new ArrayList<>(names(first));
    all.addAll(names(second));
    all.addAll(names(third));
    assertThat(all)
        .containsExactly(
            "Needle 0 " + t, "Needle 1 " + t, "Needle 2 " + t, "Needle 3 " + t, "Needle 4 " + t);
    assertThat(links(first).get("next"))
        .as("the other parameters are kept as sent")
        .contains("search=" + encode("NEEDLE "), "type=REST_API", "vertical=", "page=1");

    assertThat(modeler.get(query.replace("REST_API", "DATABASE")).header("X-Total-Count"))
        .isEqualTo("0");
    // the integration's name and the type's label are searched too
    assertThat(
            modeler
                .get("/api/connections?search=" + encode("search other " + t))
                .header("X-Total-Count"))
        .isEqualTo("5");
    assertThat(
            modeler
                .get(
                    "/api/connections?size=1&search="
                        + encode("REST api")
                        + "&integrationId="
                        + restId)
                .header("X-Total-Count"))
        .isEqualTo("10");
  }

  @Test
  void otherUsersPersonalConnectionsAreNeitherCountedNorReturned() {
    String t = tag();
    String integrationId = createIntegration(admin, basicRestIntegration("Personal " + t));
    for (int i = 0; i < 3; i++) {
      createConnection(modeler, integrationId, "Mine " + i + " " + t, "PERSONAL");
    }
    createConnection(other, integrationId, "Shared " + t, "ORGANIZATION");
    createConnection(other, integrationId, "Others own " + t, "PERSONAL");
    String list = "/api/connections?size=1&integrationId=" + integrationId;

    assertThat(modeler.get(list).header("X-Total-Count")).isEqualTo("4");
    assertThat(other.get(list).header("X-Total-Count")).isEqualTo("2");
    assertThat(admin.get(list).header("X-Total-Count"))
        .as("administrators see no one's personal connections either")
        .isEqualTo("1");
    List<String> seenByOther = new ArrayList<>();
    for (int page = 0; page < 4; page++) {
      seenByOther.addAll(names(other.get(list + "&page=" + page)));
    }
    assertThat(seenByOther).containsExactly("Others own " + t, "Shared " + t);
    assertThat(
            other.get("/api/connections?search=" + encode("Mine 1 " + t)).header("X-Total-Count"))
        .isEqualTo("0");
  }

  @Test
  void pageAndSizeOutOfRangeAreProblemsNamingTheParameter() {
    for (String path : List.of("/api/connections", "/api/integrations")) {
      assertProblem(modeler.get(path + "?size=0"), 400, "size");
      assertProblem(modeler.get(path + "?size=501"), 400, "size");
      assertProblem(modeler.get(path + "?size=ten"), 400, "size");
      assertProblem(modeler.get(path + "?page=-1"), 400, "page");
      assertProblem(modeler.get(path + "?page=1.5"), 400, "page");
      assertThat(modeler.get(path + "?size=500&page=0").status()).isEqualTo(200);
    }
  }

  @Test
  void searchTextIsDataNotAPatternNorSql() {
    String t = tag();
    String integrationId = createIntegration(admin, basicRestIntegration("Wildcards " + t));
    createConnection(modeler, integrationId, "Discount 100% " + t, "ORGANIZATION");
    createConnection(modeler, integrationId, "Plain " + t, "ORGANIZATION");
    createConnection(modeler, integrationId, "O'Brien " + t, "ORGANIZATION");
    createConnection(modeler, integrationId, "Back\\slash " + t, "ORGANIZATION");
    String list = "/api/connections?integrationId=" + integrationId + "&search=";

    assertThat(names(modeler.get(list + encode("%")))).containsExactly("Discount 100% " + t);
    assertThat(names(modeler.get(list + encode("_")))).isEmpty();
    assertThat(names(modeler.get(list + encode("'")))).containsExactly("O'Brien " + t);
    assertThat(names(modeler.get(list + encode("\\")))).containsExactly("Back\\slash " + t);
    assertThat(names(modeler.get(list + encode("' or '1'='1")))).isEmpty();
    assertThat(names(modeler.get(list + encode("p%n")))).isEmpty();

    String integrations = "/api/integrations?scope=ORGANIZATION&search=";
    createIntegration(admin, basicRestIntegration("Rate 50% " + t));
    createIntegration(admin, basicRestIntegration("Rate 500 " + t));
    assertThat(names(admin.get(integrations + encode("50% " + t))))
        .containsExactly("Rate 50% " + t);
    assertThat(names(admin.get(integrations + encode("5_0 " + t)))).isEmpty();
    assertThat(names(admin.get(integrations + encode("e 5\\0")))).isEmpty();
    assertThat(admin.get(integrations + encode("'; drop table integration; --")).status())
        .isEqualTo(200);
  }

  @Test
  void integrationsPageOnTheServerAndHiddenOnesCountOnlyForSuperAdmins() {
    String t = tag();
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      createIntegration(admin, basicRestIntegration("Listed " + (5 - i) + " " + t));
      created.add("Listed " + (i + 1) + " " + t);
    }
    String list = "/api/integrations?scope=ORGANIZATION&search=" + encode(t) + "&size=2";
    List<String> seen = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      Response response = admin.get(list + "&page=" + page);
      assertThat(response.header("X-Total-Count")).isEqualTo("5");
      assertThat(links(response).containsKey("next")).isEqualTo(page < 2);
      assertThat(links(response).containsKey("prev")).isEqualTo(page > 0);
      seen.addAll(names(response));
    }
    assertThat(seen).isEqualTo(created);

    JsonList system = new JsonList(root.get("/api/integrations?scope=SYSTEM&size=1"));
    String id = system.first("id");
    String name = system.first("name");
    String byName = "/api/integrations?scope=SYSTEM&search=" + encode(name);
    long before =
        Long.parseLong(admin.get("/api/integrations?scope=SYSTEM").header("X-Total-Count"));
    try {
      assertThat(root.put("/api/integrations/" + id + "/hidden", Map.of("hidden", true)).status())
          .isEqualTo(200);
      assertThat(names(admin.get(byName))).doesNotContain(name);
      assertThat(names(root.get(byName))).contains(name);
      assertThat(admin.get("/api/integrations?scope=SYSTEM").header("X-Total-Count"))
          .isEqualTo(Long.toString(before - 1));
    } finally {
      root.put("/api/integrations/" + id + "/hidden", Map.of("hidden", false));
    }
  }

  private record JsonList(Response response) {
    String first(String field) {
      assertThat(response.status()).as(response.toString()).isEqualTo(200);
      return response.json().get(0).get(field).asText();
    }
  }

  static List<String> names(Response list) {
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    return StreamSupport.stream(list.json().spliterator(), false)
        .map(n -> n.get("name").asText())
        .toList();
  }

  /** The Link header's targets by rel. */
  static Map<String, String> links(Response response) {
    Map<String, String> links = new HashMap<>();
    String header = response.header("Link");
    if (header.isEmpty()) {
      return links;
    }
    for (String part : header.split(",\\s*")) {
      String target = part.substring(part.indexOf('<') + 1, part.indexOf('>'));
      String rel = part.substring(part.indexOf("rel=\"") + 5, part.lastIndexOf('"'));
      links.put(rel, target);
    }
    return links;
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
