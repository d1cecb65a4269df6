package dev.flowconnections.runtime.email;

/** An attachment ready to send: its content is read, decoded and within the size limit. */
record MailAttachment(String fileName, String contentType, byte[] content) {

  @Override
  public String toString() {
    return "MailAttachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
  }
}
