"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CompositeLifeCycle = void 0;
class CompositeLifeCycle {
    constructor(lifeCycles) {
        this.lifeCycles = lifeCycles;
    }
    async startCommand(threadCount, parallel) {
        for (let l of this.lifeCycles) {
            if (l.startCommand) {
                await l.startCommand(threadCount, parallel);
            }
        }
    }
    async endCommand(summary) {
        for (let l of this.lifeCycles) {
            if (l.endCommand) {
                await l.endCommand(summary);
            }
        }
    }
    async scheduleTask(task) {
        for (let l of this.lifeCycles) {
            if (l.scheduleTask) {
                await l.scheduleTask(task);
            }
        }
    }
    startTask(task) {
        for (let l of this.lifeCycles) {
            if (l.startTask) {
                l.startTask(task);
            }
        }
    }
    endTask(task, code) {
        for (let l of this.lifeCycles) {
            if (l.endTask) {
                l.endTask(task, code);
            }
        }
    }
    async startTasks(tasks, metadata) {
        for (let l of this.lifeCycles) {
            if (l.startTasks) {
                await l.startTasks(tasks, metadata);
            }
            else if (l.startTask) {
                tasks.forEach((t) => l.startTask(t));
            }
        }
    }
    async endTasks(taskResults, metadata) {
        for (let l of this.lifeCycles) {
            if (l.endTasks) {
                await l.endTasks(taskResults, metadata);
            }
            else if (l.endTask) {
                taskResults.forEach((t) => l.endTask(t.task, t.code));
            }
        }
    }
    printTaskTerminalOutput(task, status, output) {
        for (let l of this.lifeCycles) {
            if (l.printTaskTerminalOutput) {
                l.printTaskTerminalOutput(task, status, output);
            }
        }
    }
    registerRunningTask(taskId, ptyHandles) {
        for (let l of this.lifeCycles) {
            if (l.registerRunningTask) {
                l.registerRunningTask(taskId, ptyHandles);
            }
        }
    }
    registerRunningTaskWithEmptyParser(taskId) {
        for (let l of this.lifeCycles) {
            if (l.registerRunningTaskWithEmptyParser) {
                l.registerRunningTaskWithEmptyParser(taskId);
            }
        }
    }
    appendTaskOutput(taskId, output, isPtyTask) {
        for (let l of this.lifeCycles) {
            if (l.appendTaskOutput) {
                l.appendTaskOutput(taskId, output, isPtyTask);
            }
        }
    }
    setTaskStatus(taskId, status) {
        for (let l of this.lifeCycles) {
            if (l.setTaskStatus) {
                l.setTaskStatus(taskId, status);
            }
        }
    }
    setTaskReadiness(taskId, readiness) {
        for (let l of this.lifeCycles) {
            if (l.setTaskReadiness) {
                l.setTaskReadiness(taskId, readiness);
            }
        }
    }
    setTaskTiming(taskId, startTime, endTime) {
        for (let l of this.lifeCycles) {
            if (l.setTaskTiming) {
                l.setTaskTiming(taskId, startTime, endTime);
            }
        }
    }
    registerForcedShutdownCallback(callback) {
        for (let l of this.lifeCycles) {
            if (l.registerForcedShutdownCallback) {
                l.registerForcedShutdownCallback(callback);
            }
        }
    }
    setEstimatedTaskTimings(timings) {
        for (let l of this.lifeCycles) {
            if (l.setEstimatedTaskTimings) {
                l.setEstimatedTaskTimings(timings);
            }
        }
    }
    registerRunningBatch(batchId, batchInfo) {
        for (let l of this.lifeCycles) {
            if (l.registerRunningBatch) {
                l.registerRunningBatch(batchId, batchInfo);
            }
        }
    }
    appendBatchOutput(batchId, output) {
        for (let l of this.lifeCycles) {
            if (l.appendBatchOutput) {
                l.appendBatchOutput(batchId, output);
            }
        }
    }
    batchOutputAvailable(batchId, path) {
        for (let l of this.lifeCycles) {
            if (l.batchOutputAvailable) {
                l.batchOutputAvailable(batchId, path);
            }
        }
    }
    setBatchStatus(batchId, status) {
        for (let l of this.lifeCycles) {
            if (l.setBatchStatus) {
                l.setBatchStatus(batchId, status);
            }
        }
    }
    async setCloudLink(label, url) {
        for (let l of this.lifeCycles) {
            if (l.setCloudLink) {
                await l.setCloudLink(label, url);
            }
        }
    }
}
exports.CompositeLifeCycle = CompositeLifeCycle;
