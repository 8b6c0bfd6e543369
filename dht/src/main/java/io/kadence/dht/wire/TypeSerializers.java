package io.kadence.dht.wire;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.kadence.crypto.sign.Ed25519;
import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import java.nio.charset.StandardCharsets;

/**
 * Bounded Kryo serializers of the types messages are made of; formats in {@code package-info}.
 * Writers throw {@link IllegalArgumentException} for what a reader would refuse, so a node never
 * sends what its peers reject.
 */
final class TypeSerializers {
  private TypeSerializers() {}

  /** A byte string of at most {@code max} bytes: varint length, bytes. */
  static final class BoundedBytes extends Serializer<byte[]> {
    private final int max;

    BoundedBytes(int max) {
      super(false, true);
      this.max = max;
    }

    @Override
    public void write(Kryo kryo, Output out, byte[] bytes) {
      checkWrite(bytes.length <= max, "byte string of " + bytes.length + " bytes over " + max);
      out.writeVarInt(bytes.length, true);
      out.writeBytes(bytes);
    }

    @Override
    public byte[] read(Kryo kryo, Input in, Class<? extends byte[]> type) {
      return WireReads.lengthPrefixed(in, max, "byte string");
    }
  }

  /** A node id: its 32 bytes. */
  static final class NodeIdSerializer extends Serializer<NodeId> {
    NodeIdSerializer() {
      super(false, true);
    }

    @Override
    public void write(Kryo kryo, Output out, NodeId id) {
      out.writeBytes(id.bytes());
    }

    @Override
    public NodeId read(Kryo kryo, Input in, Class<? extends NodeId> type) {
      return NodeId.of(WireReads.fixed(in, NodeId.BYTES, "node id"));
    }
  }

  /** A key: its 32 bytes. */
  static final class KeySerializer extends Serializer<Key> {
    KeySerializer() {
      super(false, true);
    }

    @Override
    public void write(Kryo kryo, Output out, Key key) {
      out.writeBytes(key.bytes());
    }

    @Override
    public Key read(Kryo kryo, Input in, Class<? extends Key> type) {
      return Key.of(WireReads.fixed(in, NodeId.BYTES, "key"));
    }
  }

  /**
   * A contact: id, host, port. Hosts are printable US-ASCII: DNS names, IPv4 and bracketed IPv6
   * literals all are, and refusing control characters keeps forged hosts out of logs intact.
   */
  static final class ContactSerializer extends Serializer<Contact> {
    private final int maxHostLength;

    ContactSerializer(int maxHostLength) {
      super(false, true);
      this.maxHostLength = maxHostLength;
    }

    @Override
    public void write(Kryo kryo, Output out, Contact contact) {
      byte[] host = contact.host().getBytes(StandardCharsets.US_ASCII);
      checkWrite(host.length <= maxHostLength && isPrintableAscii(contact.host()),
          "host is not 1.." + maxHostLength + " printable US-ASCII characters");
      kryo.writeObject(out, contact.id());
      out.writeVarInt(host.length, true);
      out.writeBytes(host);
      out.writeShort(contact.port());
    }

    @Override
    public Contact read(Kryo kryo, Input in, Class<? extends Contact> type) {
      NodeId id = kryo.readObject(in, NodeId.class);
      byte[] host = WireReads.lengthPrefixed(in, maxHostLength, "host");
      String text = new String(host, StandardCharsets.US_ASCII);
      if (!isPrintableAscii(text)) {
        throw new KryoException("host is not printable US-ASCII");
      }
      return new Contact(id, text, in.readShortUnsigned());
    }

    private static boolean isPrintableAscii(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < 0x21 || c > 0x7e) {
          return false;
        }
      }
      return true;
    }
  }

  /** A signed record, field by field; the signature is checked later, by the validator. */
  static final class SignedRecordSerializer extends Serializer<SignedRecord> {
    SignedRecordSerializer() {
      super(false, true);
    }

    @Override
    public void write(Kryo kryo, Output out, SignedRecord r) {
      kryo.writeObject(out, r.key());
      out.writeBytes(r.publisherPublicKey());
      out.writeLong(r.sequence());
      out.writeLong(r.createdMillis());
      out.writeLong(r.ttlMillis());
      kryo.writeObject(out, r.value());
      out.writeBytes(r.signature());
    }

    @Override
    public SignedRecord read(Kryo kryo, Input in, Class<? extends SignedRecord> type) {
      Key key = kryo.readObject(in, Key.class);
      byte[] publicKey = WireReads.fixed(in, Ed25519.PUBLIC_KEY_BYTES, "publisher key");
      long sequence = in.readLong();
      long created = in.readLong();
      long ttl = in.readLong();
      byte[] value = kryo.readObject(in, byte[].class);
      byte[] signature = WireReads.fixed(in, Ed25519.SIGNATURE_BYTES, "signature");
      return new SignedRecord(key, publicKey, sequence, created, ttl, value, signature);
    }
  }

  static void checkWrite(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("cannot encode: " + message);
    }
  }
}
