package dev.flowconnections.templates;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the newest templates into a folder Desktop Modeler reads, one file per template ({@code
 * <template id>.json}). Files are replaced atomically so Modeler never reads half a file.
 */
public class FolderExport implements TemplatePublisher.PublicationListener {

  private static final Logger LOG = LoggerFactory.getLogger(FolderExport.class);

  private final Path folder;
  private final ObjectMapper json;

  public FolderExport(Path folder, ObjectMapper json) {
    this.folder = folder;
    this.json = json;
  }

  @Override
  public void published(String organizationId, List<PublishedTemplate> latest) {
    try {
      Path target = folder.resolve(organizationId);
      Files.createDirectories(target);
      for (PublishedTemplate template : latest) {
        Path file = target.resolve(template.templateId() + ".json");
        Path temp = Files.createTempFile(target, ".template", ".tmp");
        json.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), template.content());
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      LOG.info(
          "Exported {} element templates of organization '{}' to {}",
          latest.size(),
          organizationId,
          target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot export element templates to " + folder, e);
    }
  }
}
