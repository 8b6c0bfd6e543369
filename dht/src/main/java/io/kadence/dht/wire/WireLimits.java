package io.kadence.dht.wire;

import io.kadence.dht.Kademlia;
import io.kadence.dht.routing.Contact;

/**
 * Bounds on what a peer may send, checked by {@link WireCodec} before anything is allocated
 * (STYLE.md rule 7, after Consensys discovery's decoders). Every peer of a network should use the
 * same limits: a message within the sender's limits but over the recipient's fails to decode.
 *
 * @param maxMessageBytes largest payload accepted, checked first
 * @param maxContacts most contacts in {@link Message.Nodes} or {@link Message.Value}
 * @param maxRecords most records in {@link Message.Value}, and most a {@link Message.FindValue}
 *     may ask for
 * @param maxValueBytes longest record value
 * @param maxHostLength longest contact host name, at most {@link Contact#MAX_HOST_LENGTH}
 */
public record WireLimits(int maxMessageBytes, int maxContacts, int maxRecords,
    int maxValueBytes, int maxHostLength) {

  /** Encoded size of a contact with a one-byte host. */
  static final int MIN_CONTACT_BYTES = 32 + 1 + 1 + 2;
  /** Encoded size of a record with an empty value. */
  static final int MIN_RECORD_BYTES = 32 + 32 + 3 * 8 + 1 + 64;

  /**
   * The defaults: contacts k = {@value Kademlia#DEFAULT_K}; 16 records, the default publisher
   * quota of a key ({@code RecordLimits.DEFAULTS}); 64 KiB values, the default record limit; 253
   * byte hosts (RFC 1035); and 1,088 KiB messages, room for the largest {@link Message.Value}
   * these allow (about 1,032 KiB, see {@link #worstCaseMessageBytes()}). Note that a transport
   * must carry frames of that size plus the envelope.
   */
  public static final WireLimits DEFAULTS = new WireLimits(1088 * 1024, Kademlia.DEFAULT_K, 16,
      64 * 1024, Contact.MAX_HOST_LENGTH);

  /** Checks that every limit is usable. */
  public WireLimits {
    positive(maxMessageBytes, "maxMessageBytes");
    positive(maxContacts, "maxContacts");
    positive(maxRecords, "maxRecords");
    if (maxValueBytes < 0) {
      throw new IllegalArgumentException("maxValueBytes must be >= 0: " + maxValueBytes);
    }
    positive(maxHostLength, "maxHostLength");
    if (maxHostLength > Contact.MAX_HOST_LENGTH) {
      throw new IllegalArgumentException("maxHostLength above " + Contact.MAX_HOST_LENGTH);
    }
  }

  /**
   * Size of the largest {@link Message.Value} within the count and length limits: the biggest
   * message of the protocol. Limits whose {@code maxMessageBytes} is below it are legal, but then
   * a replier must send fewer records than {@code maxRecords}.
   */
  public long worstCaseMessageBytes() {
    long record = MIN_RECORD_BYTES - 1 + varintBytes(maxValueBytes) + (long) maxValueBytes;
    long contact = MIN_CONTACT_BYTES - 2 + varintBytes(maxHostLength) + maxHostLength;
    return varintBytes(maxRecords) + maxRecords * record
        + varintBytes(maxContacts) + maxContacts * contact;
  }

  static int varintBytes(int value) {
    int bytes = 1;
    while ((value >>>= 7) != 0) {
      bytes++;
    }
    return bytes;
  }

  private static void positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1: " + value);
    }
  }
}
