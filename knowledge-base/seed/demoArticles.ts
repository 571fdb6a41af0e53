import type { KbLocale } from '../db';

// The demo's help center: enough that the help center, search (退款, 发货, refund, refunds) and the screen pop's
// suggestions show something on a fresh start. Every article in English and Simplified Chinese.

type Names = Record<KbLocale, { name: string; description: string }>;
type Variants = Record<KbLocale, { title: string; body: string }>;

export const demoCategories: { slug: string; position: number; names: Names }[] = [
  {
    slug: 'orders-and-shipping',
    position: 1,
    names: {
      en: { name: 'Orders and shipping', description: 'Tracking, delivery times and changing an order.' },
      'zh-CN': { name: '订单与配送', description: '物流跟踪、发货时间和修改订单。' },
    },
  },
  {
    slug: 'billing-and-refunds',
    position: 2,
    names: {
      en: { name: 'Billing and refunds', description: 'Payments, invoices, returns and refunds.' },
      'zh-CN': { name: '账单与退款', description: '付款、发票、退货和退款。' },
    },
  },
  {
    slug: 'account',
    position: 3,
    names: {
      en: { name: 'Your account', description: 'Signing in, passwords and contact details.' },
      'zh-CN': { name: '您的账户', description: '登录、密码和联系方式。' },
    },
  },
];

export const demoArticles: {
  category: string;
  state: 'published' | 'internal';
  tags: string[];
  variants: Variants;
}[] = [
  {
    category: 'billing-and-refunds',
    state: 'published',
    tags: ['refund', 'payment'],
    variants: {
      en: {
        title: 'How to request a refund',
        body: `You can ask for a refund within **30 days** of delivery.

1. Sign in and open **Orders**.
2. Choose the order and select **Request a refund**.
3. Tell us why, and add a photo if the item arrived damaged.

Refunds go back to the card you paid with, usually within 5 business days of our approval.`,
      },
      'zh-CN': {
        title: '如何申请退款',
        body: `收货后 **30 天内** 可以申请退款。

1. 登录并打开 **我的订单**。
2. 选择订单，点击 **申请退款**。
3. 填写退款原因；如果商品损坏，请上传照片。

退款审核通过后，款项通常会在 5 个工作日内退回您的原支付卡。`,
      },
    },
  },
  {
    category: 'orders-and-shipping',
    state: 'published',
    tags: ['shipping', 'delivery'],
    variants: {
      en: {
        title: 'When will my order ship?',
        body: `Orders placed before 15:00 on a business day ship the **same day**; later orders ship the next business day.

You receive an email with the tracking number as soon as the parcel leaves our warehouse. Delivery takes 2–4 days.`,
      },
      'zh-CN': {
        title: '我的订单什么时候发货？',
        body: `工作日 15:00 前下单，**当天发货**；之后下单的订单将在下一个工作日发货。

包裹出库后，您会收到带有物流单号的邮件。配送一般需要 2–4 天。`,
      },
    },
  },
  {
    category: 'orders-and-shipping',
    state: 'published',
    tags: ['shipping', 'tracking'],
    variants: {
      en: {
        title: 'Tracking a delivery',
        body: `Open the shipping email and follow the tracking link, or enter the tracking number on the carrier's site.

If the tracking has not changed for 3 days, contact us and we will ask the carrier.`,
      },
      'zh-CN': {
        title: '如何查询物流',
        body: `打开发货通知邮件中的物流链接，或在快递公司网站输入物流单号查询。

如果物流信息 3 天没有更新，请联系我们，我们会向快递公司核实。`,
      },
    },
  },
  {
    category: 'billing-and-refunds',
    state: 'published',
    tags: ['return', 'refund'],
    variants: {
      en: {
        title: 'Returning an item',
        body: `Unused items can be returned within 30 days. Print the return label from **Orders → Return**, pack the item and drop it at any post office.

Once the return arrives we refund you; shipping costs are refunded when the item was faulty.`,
      },
      'zh-CN': {
        title: '如何退货',
        body: `未使用的商品可在 30 天内退货。在 **我的订单 → 退货** 中打印退货单，包装好商品后交给任意邮局。

我们收到退货后即为您退款；若商品有质量问题，运费也一并退还。`,
      },
    },
  },
  {
    category: 'account',
    state: 'published',
    tags: ['account', 'password'],
    variants: {
      en: {
        title: 'Resetting your password',
        body: `Select **Forgot password** on the sign-in page and enter your email address. The link we send is valid for one hour.`,
      },
      'zh-CN': {
        title: '如何重置密码',
        body: `在登录页面点击 **忘记密码**，输入您的邮箱地址。我们发送的链接在一小时内有效。`,
      },
    },
  },
  {
    category: 'billing-and-refunds',
    state: 'internal',
    tags: ['refund', 'internal'],
    variants: {
      en: {
        title: 'Refund approval limits (agents)',
        body: `Agents may approve refunds up to **100 EUR** on their own. Above that, add a note and transfer the ticket to a supervisor.

Never refund to a different card than the one used for the order.`,
      },
      'zh-CN': {
        title: '退款审批权限（内部）',
        body: `客服可自行批准 **100 欧元** 以内的退款。超过此金额，请添加备注并将工单转给主管。

退款只能退回下单时使用的支付卡。`,
      },
    },
  },
];
