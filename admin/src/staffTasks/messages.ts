import type { AreaMessages } from '../i18n/areas';

const id = {
  resources: {
    staffTasks: {
      name: 'Tugas staf |||| Tugas staf',
      fields: {
        createdAt: 'Dibuat',
        action: 'Tindakan',
        service: 'Layanan',
        instructions: 'Petunjuk',
        status: 'Status',
        completedAt: 'Selesai',
      },
      status: { OPEN: 'Terbuka', DONE: 'Selesai', CANCELLED: 'Dibatalkan' },
      tabs: { open: 'Terbuka', done: 'Selesai', all: 'Semua' },
      complete: {
        action: 'Selesai',
        title: 'Tandai tugas %{label} selesai?',
        message: 'Pastikan langkah di server sudah dikerjakan: status layanan diperbarui dan pelanggan diberi tahu.',
        note: 'Catatan (mis. rak, port, alamat IP)',
        done: 'Tugas ditandai selesai.',
        role: 'Hanya staf Dukungan dan Admin yang dapat menyelesaikan tugas.',
      },
    },
  },
};

const en: typeof id = {
  resources: {
    staffTasks: {
      name: 'Staff task |||| Staff tasks',
      fields: {
        createdAt: 'Created',
        action: 'Action',
        service: 'Service',
        instructions: 'Instructions',
        status: 'Status',
        completedAt: 'Completed',
      },
      status: { OPEN: 'Open', DONE: 'Done', CANCELLED: 'Cancelled' },
      tabs: { open: 'Open', done: 'Done', all: 'All' },
      complete: {
        action: 'Done',
        title: 'Mark the task for %{label} done?',
        message: "Make sure the step on the server is done: the service's status is updated and the customer is told.",
        note: 'Note (e.g. rack, port, IP address)',
        done: 'Task marked done.',
        role: 'Only Support staff and Admins can complete tasks.',
      },
    },
  },
};

export const staffTaskMessages: AreaMessages = { id, en };
