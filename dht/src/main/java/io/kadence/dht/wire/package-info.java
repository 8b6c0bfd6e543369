/**
 * The DHT's wire protocol: the messages of the Kademlia RPCs (Maymounkov and Mazieres,
 * "Kademlia", section 2.3: PING, STORE, FIND_NODE, FIND_VALUE) plus STORE's acknowledgement and
 * a graceful LEAVE, and their byte encoding. The encoded bytes are the payload of the crypto
 * module's signed envelope, and the message's type id is the envelope's {@code payloadType};
 * the envelope is verified before any payload is decoded (STYLE.md rule 7).
 *
 * <p>Every registered type has a hand-written Kryo serializer that checks each count and length
 * against {@link io.kadence.dht.wire.WireLimits} and against the bytes actually left before it
 * allocates. The payload carries no class id: the class comes from the envelope's payload type,
 * so a peer can never name a class for Kryo to instantiate.
 *
 * <h2>Format</h2>
 *
 * <pre>
 * primitives
 *   varint   Kryo's unsigned varint: 7 bits a byte, low group first, high bit set = more; 1-5 bytes
 *   u8       one byte
 *   u16      two bytes, little-endian (Kryo writeShort)
 *   i64      eight bytes, little-endian (Kryo writeLong)
 *   id       32 bytes, big-endian 256-bit NodeId or Key
 * types
 *   Contact       id, varint host length 1..maxHostLength, host in printable US-ASCII
 *                 (0x21-0x7e), u16 port 1..65535
 *   SignedRecord  id key, 32 bytes publisher public key, i64 sequence, i64 created (epoch ms),
 *                 i64 ttl (ms), varint value length 0..maxValueBytes, value, 64 bytes signature
 * messages, by payload type
 *   100 Ping       empty
 *   101 Pong       empty
 *   102 FindNode   id target
 *   103 Nodes      varint n 0..maxContacts, n Contacts
 *   104 FindValue  id key, varint maxRecords 1..maxRecords
 *   105 Value      varint n 0..maxRecords, n SignedRecords, varint m 0..maxContacts, m Contacts
 *   106 Store      SignedRecord, i64 expected sequence (-1 any, -2 absent, else the sequence)
 *   107 StoreAck   u8 0 = stored, else a StoreRefusal code
 *   108 Leave      empty
 * </pre>
 *
 * <p>A payload must be consumed exactly: trailing bytes are an error.
 */
package io.kadence.dht.wire;
