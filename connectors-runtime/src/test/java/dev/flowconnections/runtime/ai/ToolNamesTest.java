package dev.flowconnections.runtime.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Tool names as every provider accepts them, and back. */
@Tag("fast")
class ToolNamesTest {

  @Test
  void safeNamesStayAsTheyAre() {
    ToolNames names = new ToolNames(List.of(spec("get_order"), spec("list-Orders2")));
    assertThat(names.aliases()).containsExactly("get_order", "list-Orders2");
    assertThat(names.toolFor("get_order")).contains("get_order");
    assertThat(names.toolFor("drop_table")).isEmpty();
  }

  @Test
  void longNamesAreCutAndCollisionsNumberedWithinTheLimit() {
    String long1 = "a".repeat(70) + ".x";
    String long2 = "a".repeat(70) + ".y";
    ToolNames names = new ToolNames(List.of(spec(long1), spec(long2)));

    assertThat(names.aliasOf(long1)).hasSize(64);
    assertThat(names.aliasOf(long2)).hasSize(64).endsWith("_2");
    assertThat(names.toolFor(names.aliasOf(long2))).contains(long2);
  }

  private static ToolSpec spec(String name) {
    return new ToolSpec(name, null, null);
  }
}
