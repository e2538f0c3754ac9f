/**
 * The cost model: how long each step takes, in virtual milliseconds. The defaults are round figures of
 * the right order for a small server (a kernel cache hit in tens of microseconds, a cold w3wp.exe in
 * about a second, a first ASP.NET request paying for its AppDomain), chosen so that what is slow in IIS
 * looks slow here; they are not measurements of a particular machine. Every figure can be overridden.
 */
export interface CostModel {
  /** Network time from the client to HTTP.sys and back, each way. */
  network: number;
  /** HTTP.sys parses the request and matches it to a URL group. */
  httpSysReceive: number;
  /** HTTP.sys answers from its kernel response cache. */
  kernelCacheHit: number;
  /** HTTP.sys sends a response it made itself (400, 503). */
  httpSysReject: number;
  /** W3SVC tells WAS that a request waits in a queue with no worker. */
  w3svcNotifyWas: number;
  /** WAS creates w3wp.exe (process creation, the pool identity's token). */
  workerProcessCreate: number;
  /** w3wp.exe loads the IIS core and the global modules, then registers on its queue. */
  workerInitialize: number;
  /** ManagedEngine creates the AppDomain of an application on its first managed request. */
  appDomainStart: number;
  /**
   * BasicAuthenticationModule's LogonUser for a user whose token TokenCacheModule does not hold (a
   * domain logon can take far longer; a cached token costs nothing).
   */
  logonUser: number;
  /** A worker takes a request off its queue. */
  dequeue: number;
  /** One module's handling of one notification. */
  moduleNotification: number;
  /** A managed module's notification (crossing into the CLR). */
  managedModuleNotification: number;
  /** The static file handler, plus this much per KB sent. */
  staticFile: number;
  staticFilePerKb: number;
  /** A managed handler (an .aspx page, an .asmx call). */
  managedHandler: number;
  /** A CGI, FastCGI or ISAPI handler. */
  externalHandler: number;
  /** Reading the configuration of a URL the worker has not seen (metadata cache miss). */
  configRead: number;
  /** HTTP.sys sends the response. */
  httpSysSend: number;
  /** Spread of random variation around each figure (0.1 = ±10 %). */
  spread: number;
  /** Concurrent requests one worker process handles (its thread pool). */
  workerThreads: number;
  /** How often WAS pings workers and checks idle time, when they do nothing else. */
  wasTick: number;
  /**
   * A suspended worker (idleTimeoutAction="Suspend") resumes for a request: its pages come back from
   * the page file, far cheaper than a new w3wp.exe (IIS 8.5 "Idle Worker Process Page-Out") [inferred figure].
   */
  workerResume: number;
}

export const DEFAULT_COSTS: Readonly<CostModel> = {
  network: 0.5,
  httpSysReceive: 0.05,
  kernelCacheHit: 0.02,
  httpSysReject: 0.02,
  w3svcNotifyWas: 1,
  workerProcessCreate: 350,
  workerInitialize: 650,
  appDomainStart: 1800,
  logonUser: 5,
  dequeue: 0.02,
  moduleNotification: 0.004,
  managedModuleNotification: 0.02,
  staticFile: 0.2,
  staticFilePerKb: 0.01,
  managedHandler: 5,
  externalHandler: 15,
  configRead: 2,
  httpSysSend: 0.05,
  spread: 0.1,
  workerThreads: 64,
  wasTick: 60_000,
  workerResume: 30,
};
