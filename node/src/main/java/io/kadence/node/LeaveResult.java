package io.kadence.node;

/**
 * How a graceful leave went.
 *
 * @param records records this peer held
 * @param handedOff records every new replica of which acknowledged the hand-off
 * @param storeFailures hand-off stores that failed
 * @param notified routing contacts that acknowledged the signed LEAVE
 * @param leftCluster whether the cluster confirmed the removal within the leave timeout
 */
public record LeaveResult(int records, int handedOff, int storeFailures, int notified,
    boolean leftCluster) {}
