//! The lesson's own runtime: one thread, a ready queue, wakers, a timer and
//! an I/O reactor on mio. Each part is its own module:
//!
//! - [`queue`]: the ids of tasks ready to run (and the doorbell);
//! - [`waker`]: `TaskWaker`, which puts its task back on the queue;
//! - [`join`]: `spawn` and `JoinHandle`;
//! - [`timer`]: deadlines in a heap, and `sleep`;
//! - [`reactor`]: readiness events from the OS, and `Registration`;
//! - [`net`]: `TcpListener` and `TcpStream` built on the reactor;
//! - [`context`]: the thread-local "current runtime".
//!
//! This file holds them together: the tasks, and the loop in `block_on`.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::io;
use std::pin::{Pin, pin};
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

pub mod context;
pub mod join;
pub mod net;
pub mod queue;
pub mod reactor;
pub mod timer;
pub mod waker;

pub use join::{JoinHandle, spawn};
pub use reactor::{Direction, Registration};
pub use timer::{Sleep, sleep};

use queue::{MAIN, ReadyQueue, TaskId};
use reactor::Reactor;
use timer::Timer;
use waker::TaskWaker;

/// A spawned task: its future, boxed (tasks have different types), and
/// its waker.
struct Task {
    future: Pin<Box<dyn Future<Output = ()>>>,
    waker: Arc<TaskWaker>,
}

/// What the runtime did, for the lesson's claims and demos.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Polls of any task, the `block_on` future included.
    pub polls: usize,
    /// Calls to `wake` on any task's waker.
    pub wakes: usize,
    /// Times the runtime went to sleep in the reactor.
    pub parks: usize,
    /// Tasks spawned.
    pub spawned: usize,
    /// The most timers pending at once.
    pub max_timers: usize,
    /// Wakes that came from I/O readiness.
    pub io_wakes: usize,
}

/// The runtime's state, shared with the futures through [`context`].
pub struct Core {
    queue: Arc<ReadyQueue>,
    tasks: RefCell<HashMap<TaskId, Task>>,
    next_id: Cell<TaskId>,
    timer: RefCell<Timer>,
    reactor: RefCell<Reactor>,
    polls: Cell<usize>,
    parks: Cell<usize>,
}

impl std::fmt::Debug for Core {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Core")
            .field("tasks", &self.tasks.borrow().len())
            .finish_non_exhaustive()
    }
}

// ANCHOR: spawn_task
impl Core {
    /// Stores a new task and queues it for its first poll.
    fn spawn_task(&self, future: impl Future<Output = ()> + 'static) {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        let waker = TaskWaker::new(id, self.queue.clone());
        let task = Task {
            future: Box::pin(future),
            waker: waker.clone(),
        };
        self.tasks.borrow_mut().insert(id, task);
        waker.schedule();
    }

    /// Polls task `id` once. A finished task is dropped.
    fn run_task(&self, id: TaskId) {
        // Take the task out while it runs: its poll may spawn, which
        // needs the task map.
        let Some(mut task) = self.tasks.borrow_mut().remove(&id) else {
            return; // finished already; a late wake
        };
        task.waker.clear_queued();
        let waker = Waker::from(task.waker.clone());
        self.polls.set(self.polls.get() + 1);
        let poll = task.future.as_mut().poll(&mut Context::from_waker(&waker));
        if poll.is_pending() {
            self.tasks.borrow_mut().insert(id, task);
        }
    }
}
// ANCHOR_END: spawn_task

// ANCHOR: park
impl Core {
    /// Nothing is ready: sleep in the reactor until a socket is ready, the
    /// nearest timer is due, or another thread wakes a task. Then fire the
    /// timers that are due.
    fn park(&self) -> io::Result<()> {
        let timeout = self.timer.borrow().time_to_next(timer::now());
        if self.queue.try_sleep() {
            self.parks.set(self.parks.get() + 1);
            self.reactor.borrow_mut().wait(timeout, &self.queue)?;
        }
        self.timer.borrow_mut().fire_due(timer::now());
        Ok(())
    }
}
// ANCHOR_END: park

/// The lesson's runtime. Not `Send`: it and its tasks live on one thread.
#[derive(Debug)]
pub struct Runtime {
    core: Rc<Core>,
}

impl Runtime {
    /// A new runtime; fails only if the OS refuses an epoll instance.
    pub fn new() -> io::Result<Self> {
        let (reactor, doorbell) = Reactor::new()?;
        let core = Core {
            queue: Arc::new(ReadyQueue::new(doorbell)),
            tasks: RefCell::new(HashMap::new()),
            next_id: Cell::new(MAIN + 1),
            timer: RefCell::new(Timer::default()),
            reactor: RefCell::new(reactor),
            polls: Cell::new(0),
            parks: Cell::new(0),
        };
        Ok(Self {
            core: Rc::new(core),
        })
    }

    // ANCHOR: block_on
    /// Runs `fut`, and every task it spawns, until `fut` is done.
    ///
    /// # Panics
    /// If the reactor fails (the OS refuses to wait for events).
    pub fn block_on<F: Future>(&self, fut: F) -> F::Output {
        let _current = context::enter(self.core.clone());
        let core = &self.core;
        let mut fut = pin!(fut);
        let main_waker = TaskWaker::new(MAIN, core.queue.clone());
        let waker = Waker::from(main_waker.clone());
        main_waker.schedule(); // queued for its first poll
        loop {
            // Run everything that is ready, in the order it was woken.
            while let Some(id) = core.queue.pop() {
                if id != MAIN {
                    core.run_task(id);
                    continue;
                }
                main_waker.clear_queued();
                core.polls.set(core.polls.get() + 1);
                let mut cx = Context::from_waker(&waker);
                if let Poll::Ready(out) = fut.as_mut().poll(&mut cx) {
                    return out;
                }
            }
            // Nothing to run: wait for I/O, a timer or another thread.
            core.park().expect("the reactor waits for events");
        }
    }
    // ANCHOR_END: block_on

    /// Starts `fut` as a task; it runs once `block_on` runs.
    pub fn spawn<F>(&self, fut: F) -> JoinHandle<F::Output>
    where
        F: Future + 'static,
        F::Output: 'static,
    {
        let _current = context::enter(self.core.clone());
        spawn(fut)
    }

    /// What the runtime has done so far.
    pub fn stats(&self) -> Stats {
        let core = &self.core;
        Stats {
            polls: core.polls.get(),
            wakes: core.queue.wakes(),
            parks: core.parks.get(),
            spawned: core.next_id.get() - (MAIN + 1),
            max_timers: core.timer.borrow().max_pending(),
            io_wakes: core.reactor.borrow().io_wakes(),
        }
    }

    /// Tasks spawned and not yet finished.
    pub fn alive_tasks(&self) -> usize {
        self.core.tasks.borrow().len()
    }
}
