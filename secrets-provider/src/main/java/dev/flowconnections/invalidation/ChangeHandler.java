package dev.flowconnections.invalidation;

/** What an instance does when it hears of changes made anywhere. */
public interface ChangeHandler {

  /** Something an organization's connections are built from changed and was committed. */
  void organizationChanged(String organizationId);

  /** The listener was not listening for a while, so any change may have gone unheard. */
  void changesMayHaveBeenMissed();
}
