package dev.flowconnections.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.access.AccessDeniedException;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.errors.NotFoundException;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * "Changed since" and a connection's places in Modeler, compared with what publishing then does.
 * Auto-publish is off here, so that only the test publishes and a pending change stays pending.
 */
@Import(FixtureWorkers.class)
@TestPropertySource(properties = "flow-connections.templates.auto-publish=false")
class TemplateStatusTest extends OwnOrganizationTest {

  @Autowired TemplatePublisher publisher;
  @Autowired TemplateStatus status;

  @Test
  void everyTemplateIsChangedUntilItsFirstPublicationThenOnlyThoseANewConnectionChanges() {
    TemplateStatus.Overview before = status.overview(orgAdmin);
    assertThat(before.autoPublish()).isFalse();
    assertThat(before.templates())
        .hasSize(FixtureWorkers.CATALOG.all().size())
        .allMatch(e -> e.version() == null && e.changed());

    publisher.publish(orgAdmin);
    assertThat(status.overview(orgAdmin).templates())
        .allMatch(e -> e.version() == 1 && !e.changed() && "admin".equals(e.publishedBy()));

    crmConnection(alice, Visibility.ORGANIZATION);
    Map<String, TemplateStatus.Overview.Entry> pending = byId(status.overview(orgAdmin));
    // exactly the templates the next publication gives a new version
    Map<String, TemplatePublisher.Publication.Entry> published =
        publisher.publish(orgAdmin).templates().stream()
            .collect(
                Collectors.toMap(
                    TemplatePublisher.Publication.Entry::templateId, Function.identity()));
    pending.forEach(
        (id, entry) -> assertThat(entry.changed()).as(id).isEqualTo(published.get(id).changed()));
    assertThat(pending.get(FixtureWorkers.REST).changed()).isTrue();
    assertThat(pending.get(FixtureWorkers.SQL).changed()).isFalse();
    assertThat(status.overview(orgAdmin).templates()).noneMatch(e -> e.changed());
  }

  @Test
  void personalConnectionsChangeNoSharedTemplate() {
    publisher.publish(orgAdmin);
    crmConnection(alice, Visibility.PERSONAL);

    assertThat(status.overview(orgAdmin).templates()).noneMatch(e -> e.changed());
  }

  @Test
  void onlyAdministratorsSeeTheOverview() {
    assertThatThrownBy(() -> status.overview(alice)).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aConnectionIsAvailableWhereItsTypeIsOfferedOnceTheTemplateListsIt() {
    publisher.publish(orgAdmin);
    ConnectionView shared = crmConnection(alice, Visibility.ORGANIZATION);
    ConnectionView personal = crmConnection(alice, Visibility.PERSONAL);

    TemplateStatus.Availability pending = status.availability(alice, shared.connection().id());
    assertThat(pending.connectionKey()).isEqualTo(shared.connection().key());
    assertThat(pending.places())
        .extracting(TemplateStatus.Availability.Place::templateId)
        .containsExactlyInAnyOrder(FixtureWorkers.REST, FixtureWorkers.REST_TOOL);
    assertThat(pending.places()).allMatch(p -> "Connection".equals(p.property()) && !p.published());
    // a personal connection joins its owner's download of every published template at once
    assertThat(status.availability(alice, personal.connection().id()).places())
        .allMatch(TemplateStatus.Availability.Place::published);

    publisher.publish(orgAdmin);
    assertThat(status.availability(bob, shared.connection().id()).places())
        .allMatch(TemplateStatus.Availability.Place::published);
  }

  @Test
  void anotherUsersPersonalConnectionIsNotFound() {
    ConnectionView personal = crmConnection(alice, Visibility.PERSONAL);

    assertThatThrownBy(() -> status.availability(bob, personal.connection().id()))
        .isInstanceOf(NotFoundException.class);
  }

  private static Map<String, TemplateStatus.Overview.Entry> byId(TemplateStatus.Overview overview) {
    return overview.templates().stream()
        .collect(Collectors.toMap(TemplateStatus.Overview.Entry::templateId, Function.identity()));
  }
}
