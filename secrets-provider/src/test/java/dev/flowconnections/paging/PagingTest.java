package dev.flowconnections.paging;

import static dev.flowconnections.testsupport.ValidationAssertions.assertThatFieldErrors;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class PagingTest {

  @Test
  void likePatternsMatchTheUsersTextLiterally() {
    assertThat(LikePatterns.containing("100%")).isEqualTo("%100\\%%");
    assertThat(LikePatterns.containing("a_b")).isEqualTo("%a\\_b%");
    assertThat(LikePatterns.containing("c:\\x")).isEqualTo("%c:\\\\x%");
    assertThat(LikePatterns.containing("\\%")).isEqualTo("%\\\\\\%%");
  }

  @Test
  void pageRequestsDefaultAndRefuseWhatIsOutOfRange() {
    assertThat(PageRequest.parse(null, null)).isEqualTo(new PageRequest(0, 100));
    assertThat(PageRequest.parse(" 2 ", "500").offset()).isEqualTo(1000);
    assertThatFieldErrors(() -> PageRequest.parse("-1", "10")).containsExactly("page");
    assertThatFieldErrors(() -> PageRequest.parse("0", "501")).containsExactly("size");
    assertThatFieldErrors(() -> PageRequest.parse("x", "0")).containsExactly("page", "size");
    assertThatFieldErrors(() -> PageRequest.of(0, 0)).containsExactly("size");
  }

  @Test
  void aPageKnowsItsNeighbours() {
    assertThat(new Page<>(List.of(1, 2), 5, 0, 2).hasNext()).isTrue();
    assertThat(new Page<>(List.of(5), 5, 2, 2).hasNext()).isFalse();
    assertThat(new Page<>(List.of(5), 5, 2, 2).hasPrevious()).isTrue();
    assertThat(new Page<>(List.of(), 0, 0, 2).hasPrevious()).isFalse();
    assertThat(new Page<>(List.of(1), 1, 0, 2).map(i -> i * 10).items()).containsExactly(10);
  }
}
