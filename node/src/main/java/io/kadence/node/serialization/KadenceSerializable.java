package io.kadence.node.serialization;

/**
 * Marks the messages that cross the network between peers. They are bound to
 * {@link KryoSerializer} in {@code kadence-pekko.conf}, and each must be registered with a fixed
 * id in {@link NodeKryoRegistry}; Java serialization stays off.
 */
public interface KadenceSerializable {}
