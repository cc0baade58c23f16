// Answers leave the page in small batches in the background. Each batch gets its own Idempotency-Key once and keeps it
// through every retry, so a batch whose response was lost is stored once; answers not yet sent can be taken back (undo).

import { idempotencyKey, isTransient } from './api.js';

const RETRY_MS = [250, 500, 1000, 2000, 4000, 8000];

export class AnswerSender {
  /**
   * @param api the REST client
   * @param projectId the project answered
   * @param annotator who answers
   * @param options batchSize (send when this many wait), delayMs (send this long after the last answer),
   *   onSent(response, batch), onRejected(error, batch) for a batch the engine refused (4xx: stored nothing)
   */
  constructor(api, projectId, annotator, { batchSize = 5, delayMs = 2000, onSent = () => {}, onRejected = () => {} } = {}) {
    Object.assign(this, { api, projectId, annotator, batchSize, delayMs, onSent, onRejected });
    /** Answers given but not yet sent, oldest first: the ones undo can take back. */
    this.pending = [];
    /** The batch being sent (with its key), or null. */
    this.inflight = null;
    this.timer = null;
    this.stopped = false;
  }

  /** Queries answered here and not yet acknowledged by the engine (pending or in flight). */
  get unacknowledged() {
    return this.pending.length + (this.inflight ? this.inflight.answers.length : 0);
  }

  add(answer) {
    this.pending.push(answer);
    if (this.pending.length >= this.batchSize) this.flush();
    else this.schedule();
  }

  /** Takes back the last answer not yet sent; null when every answer has left. */
  undo() {
    const answer = this.pending.pop() ?? null;
    if (this.pending.length === 0) clearTimeout(this.timer);
    return answer;
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  /** Sends what is pending now (after the batch in flight); resolves when nothing is left to send. */
  async flush() {
    clearTimeout(this.timer);
    while (!this.stopped) {
      if (this.inflight) {
        await this.inflight.done;
        continue;
      }
      if (this.pending.length === 0) return;
      const batch = { key: idempotencyKey(this.annotator), answers: this.pending.splice(0, this.pending.length) };
      batch.done = this.send(batch).finally(() => { this.inflight = null; });
      this.inflight = batch;
    }
  }

  async send(batch) {
    const body = { annotator: this.annotator, answers: batch.answers };
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        const response = await this.api.post(`/projects/${this.projectId}/answers`, body,
          { headers: { 'Idempotency-Key': batch.key } });
        this.onSent(response, batch);
        return;
      } catch (error) {
        if (!isTransient(error)) {
          this.onRejected(error, batch);
          return;
        }
        await new Promise(resolve => setTimeout(resolve, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]));
      }
    }
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
