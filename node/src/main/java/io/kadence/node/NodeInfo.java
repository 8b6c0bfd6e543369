package io.kadence.node;

import io.kadence.dht.id.NodeId;
import io.kadence.node.storage.StorageActor;
import io.kadence.node.transport.NodeStats;
import java.time.Duration;

/**
 * What a peer says about itself: who and where it is, its state, and its counters (messages,
 * rejections by reason, stored records).
 *
 * @param members cluster members this peer knows of, in any status (joining, up, leaving, down)
 * @param unreachable cluster members its failure detector marks unreachable
 */
public record NodeInfo(NodeId id, String host, int port, NodeState state, Duration uptime,
    int routingContacts, int members, int unreachable, StorageActor.StorageStats storage,
    NodeStats.Snapshot messages) {}
