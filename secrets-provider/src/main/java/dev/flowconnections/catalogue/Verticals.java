package dev.flowconnections.catalogue;

import java.util.List;

/**
 * The domain verticals the product suggests. The catalogue uses only these; admins may type their
 * own on an integration, so a list of verticals in use is these plus whatever admins chose.
 */
public final class Verticals {

  public static final List<String> SUGGESTED =
      List.of(
          "AI", "Communication", "Email", "Database", "Storage", "CRM", "HRIS", "Developer tools");

  private Verticals() {}
}
